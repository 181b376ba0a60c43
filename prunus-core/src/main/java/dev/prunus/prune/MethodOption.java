package dev.prunus.prune;

import java.util.List;

/**
 * One option a method accepts: its name (given on the command line as {@code --name value}), its
 * default, the allowed choices when it is an enumeration (empty otherwise), and what it does.
 */
public record MethodOption(String name, String defaultValue, List<String> choices, String description) {
  public MethodOption {
    choices = List.copyOf(choices);
  }

  public static MethodOption of(String name, String defaultValue, String description) {
    return new MethodOption(name, defaultValue, List.of(), description);
  }

  public static MethodOption choice(String name, String defaultValue, List<String> choices, String description) {
    return new MethodOption(name, defaultValue, choices, description);
  }
}
