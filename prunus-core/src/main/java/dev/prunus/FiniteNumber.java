package dev.prunus;

/**
 * The rule every number a user gives must meet, wherever it comes from (a command-line option, a method
 * option, an experiment file): it is finite. {@code NaN} and the infinities parse as doubles, pass
 * range checks written as {@code x >= 0}, and then poison training (an infinite learning rate diverges
 * after the run directory is written), so they are refused at the edge, naming the option.
 */
public final class FiniteNumber {
  private FiniteNumber() {}

  /**
   * The number {@code text} given for {@code option} (e.g. {@code "--lr"}).
   *
   * @throws InvalidInputException if {@code text} is not a number, or is NaN or infinite
   */
  public static double parse(String option, String text) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidInputException(option + " " + text + " is not a number: give a decimal such as 0.01 or 1e-3");
    }
    return check(option, v);
  }

  /**
   * {@code value}, given for {@code option}, once it is known to be finite.
   *
   * @throws InvalidInputException if it is NaN or infinite
   */
  public static double check(String option, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(option + " " + value + " must be a finite number: NaN and infinities are "
          + "not values any option takes");
    }
    return value;
  }
}
