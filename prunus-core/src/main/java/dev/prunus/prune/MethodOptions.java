package dev.prunus.prune;

import dev.prunus.FiniteNumber;
import dev.prunus.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated options of one method: every declared option with its given or default value. Unknown
 * names are rejected with the list of valid ones; typed getters reject bad values naming the option, the
 * rule and the default.
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
        throw new InvalidInputException("method " + method + " has no option --" + e.getKey() + ": "
            + (declared.isEmpty() ? "it takes no options" : "valid options are " + names()));
      }
      if (!o.choices().isEmpty() && !o.choices().contains(e.getValue())) {
        throw new InvalidInputException("--" + o.name() + " " + e.getValue() + " is not valid for method " + method
            + ": choose one of " + String.join(", ", o.choices()));
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

  public double number(String name, double min, double max) {
    String v = string(name);
    double d;
    try {
      d = FiniteNumber.parse("--" + name, v);
    } catch (InvalidInputException e) {
      throw bad(name, v, "must be a finite number");
    }
    if (!(d >= min && d <= max)) {
      throw bad(name, v, "must be in [" + min + ", " + max + "]");
    }
    return d;
  }

  public int integer(String name, int min, int max) {
    String v = string(name);
    int i;
    try {
      i = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "must be a whole number");
    }
    if (i < min || i > max) {
      throw bad(name, v, "must be in [" + min + ", " + max + "]");
    }
    return i;
  }

  public boolean flag(String name) {
    String v = string(name);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw bad(name, v, "must be true or false");
  }

  private InvalidInputException bad(String name, String value, String rule) {
    return new InvalidInputException("--" + name + " " + value + " " + rule + " (method " + method
        + ", default " + declared.get(name).defaultValue() + ")");
  }

  private String names() {
    return declared.keySet().stream().map(n -> "--" + n).collect(Collectors.joining(", "));
  }
}
