package dev.prunus.report;

import java.util.Locale;

/**
 * Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value) of a few numbers,
 * such as one measurement over seeds. NaN values are left out.
 */
public record Stat(int n, double mean, double std) {
  public static Stat of(double... values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return new Stat(0, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    return new Stat(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0);
  }

  /** {@code 0.9712 ± 0.0031} with {@code digits} decimals; the mean alone for one value. */
  public String format(int digits) {
    String f = "%." + digits + "f";
    if (n == 0) {
      return "";
    }
    return n == 1 ? String.format(Locale.ROOT, f, mean)
        : String.format(Locale.ROOT, f + " ± " + f, mean, std);
  }
}
