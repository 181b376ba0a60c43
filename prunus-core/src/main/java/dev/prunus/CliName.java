package dev.prunus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant chosen by a name on the command line or in an experiment file (a model, a dataset, a
 * schedule, an initialisation...). {@link #lookUp} finds one by name, and an unknown name is refused
 * with the valid ones listed.
 */
public interface CliName {
  /** The name users type, e.g. {@code lenet5} or {@code torch-default}. */
  String cliName();

  /**
   * The constant of {@code type} named {@code name} (case and surrounding blanks ignored).
   *
   * @param what what the names name, singular and plural, for the message: e.g. "model", "models"
   * @throws InvalidInputException "unknown model 'x': valid models are a, b, c"
   */
  static <E extends Enum<E> & CliName> E lookUp(Class<E> type, String name, String what, String whats) {
    if (name != null) {
      String wanted = name.trim().toLowerCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.cliName().equals(wanted)) {
          return e;
        }
      }
    }
    throw new InvalidInputException("unknown " + what + " '" + name + "': valid " + whats + " are " + names(type));
  }

  /** Every name of {@code type}, comma-separated, in declaration order. */
  static <E extends Enum<E> & CliName> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(CliName::cliName).collect(Collectors.joining(", "));
  }
}
