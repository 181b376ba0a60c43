package dev.prunus.prune;

import dev.prunus.CliName;
import dev.prunus.FiniteNumber;
import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The options of one method as text (from the command line, an experiment file or a map): every declared
 * option with its given or default value. Unknown names and values outside an option's choices are
 * rejected with the valid ones; the typed getters parse a value and reject text that is not one, naming the
 * option, the method and the default. Ranges are the method's builder's to check: a factory parses these
 * options into its builder, so the rules live in one place.
 */
public final class MethodOptions {
  private final String method;
  private final Map<String, MethodOption> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  public MethodOptions(String method, List<MethodOption> options, Map<String, String> given) {
    this.method = method;
    for (MethodOption o : options) {
      declared.put(o.name(), o);
      values.put(o.name(), o.defaultValue());
    }
    for (Map.Entry<String, String> e : given.entrySet()) {
      MethodOption o = declared.get(e.getKey());
      if (o == null) {
        throw new InvalidInputException("method " + method + " has no option " + ParameterStyle.keyToken(e.getKey(), null)
            + ": " + (declared.isEmpty() ? "it takes no options" : "valid options are " + names()));
      }
      if (!o.choices().isEmpty() && !o.choices().contains(e.getValue())) {
        throw new InvalidInputException(ParameterStyle.keyToken(o.name(), e.getValue()) + " is not valid for method "
            + method + ": choose one of " + String.join(", ", o.choices()));
      }
      values.put(e.getKey(), e.getValue());
    }
  }

  /** Every option with its effective value, for provenance and metrics. */
  public Map<String, String> values() {
    return Map.copyOf(values);
  }

  public String string(String name) {
    String v = values.get(name);
    if (v == null && !declared.containsKey(name)) {
      throw new IllegalArgumentException("method " + method + " never declared option " + name);
    }
    return v;
  }

  /** Whether the option has a value: an empty one (the default of some) stands for "not given". */
  public boolean given(String name) {
    return !string(name).isEmpty();
  }

  /** The option as a finite number. */
  public double number(String name) {
    String v = string(name);
    try {
      return FiniteNumber.parse(name, v);
    } catch (InvalidInputException e) {
      throw bad(name, v, "must be a finite number");
    }
  }

  /** The option as a whole number that fits an {@code int}. */
  public int integer(String name) {
    String v = string(name);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw bad(name, v, "must be a whole number");
    }
  }

  /** The option as a {@code long}. */
  public long whole(String name) {
    String v = string(name);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw bad(name, v, "must be a whole number");
    }
  }

  public boolean flag(String name) {
    String v = string(name);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw bad(name, v, "must be true or false");
  }

  /** The constant of {@code type} the option names (its choices were checked against the declaration). */
  public <E extends Enum<E> & CliName> E choice(String name, Class<E> type) {
    return CliName.lookUp(type, string(name), "value of " + name, "values");
  }

  private InvalidInputException bad(String name, String value, String rule) {
    return new InvalidInputException(ParameterStyle.keyToken(name, value) + " " + rule + " (method " + method
        + ", default " + declared.get(name).defaultValue() + ")");
  }

  private String names() {
    return declared.keySet().stream().map(n -> ParameterStyle.keyToken(n, null)).collect(Collectors.joining(", "));
  }
}
