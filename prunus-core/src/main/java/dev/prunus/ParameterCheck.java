package dev.prunus;

/**
 * The checks a builder runs on its parameters, with messages that name the parameter as a token (see
 * {@link ParameterStyle}), so that a Java caller reads {@code alphaFc=5.0 must be in (0, 1]} and a
 * command-line user {@code --alpha-fc 5.0 must be in (0, 1]}.
 */
public final class ParameterCheck {
  private ParameterCheck() {}

  /**
   * {@code value}, when it is in {@code [min, max]}.
   *
   * @param name the Java name of the parameter, e.g. {@code minLayerDensity}
   * @throws InvalidInputException "{@code minLayerDensity=2.0 must be in [0, 1]}", NaN included
   */
  public static double between(String name, double value, double min, double max) {
    require(value >= min && value <= max, name, value, "must be in [" + show(min) + ", " + show(max) + "]");
    return value;
  }

  /** {@code value}, when it is in {@code [min, max]}; as {@link #between(String, double, double, double)}. */
  public static int between(String name, int value, int min, int max) {
    require(value >= min && value <= max, name, value, "must be in [" + min + ", " + max + "]");
    return value;
  }

  /**
   * Refuses {@code value} of parameter {@code name} unless {@code ok}.
   *
   * @param rule what the value must be, and how to fix it: "must be in (0, 1]: e.g. 0.95"
   * @throws InvalidInputException "{@code {{name=value}} rule}"
   */
  public static void require(boolean ok, String name, Object value, String rule) {
    if (!ok) {
      throw new InvalidInputException(ParameterStyle.token(name, value) + " " + rule);
    }
  }

  /**
   * {@code value}, when it is not null.
   *
   * @throws InvalidInputException "{@code {{name}} is missing: what}"
   */
  public static <T> T present(String name, T value, String what) {
    if (value == null) {
      throw new InvalidInputException("{{" + name + "}} is missing: " + what);
    }
    return value;
  }

  private static String show(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
