package dev.prunus.prune.method;

import java.util.Arrays;

/**
 * Where a saliency curve turns upward: Srinivas &amp; Babu stop merging at the knee of the curve of the
 * saliencies of successive greedy removals, which stays nearly flat and then rises sharply. METHODS.md
 * B.3.4 suggests the largest second difference {@code s[t+h] - 2 s[t] + s[t-h]} of the sorted saliencies.
 *
 * <p>Taken literally (on the raw values, {@code h = 1}) that rule is degenerate: on a curve that keeps
 * steepening, the largest values have the largest differences, so it picks one of the very last merges
 * (497 of 500 neurons of a trained LeNet-5 FC1, where accuracy is gone). Prunus therefore takes the
 * second difference of the <em>logarithm</em> of the sorted saliencies, which measures relative
 * acceleration and so finds where the growth rate jumps, over a stride {@code h} of 5% of the steps (at
 * least 1), so that one noisy merge does not make a knee. Zero saliencies (exact twins) are raised to the
 * smallest positive one before the logarithm. The removals up to and including the knee {@code t} are
 * kept: the jump comes after them. Sorting removes the small dips a merge can cause; the greedy sequence is
 * almost sorted already.
 */
final class KneePoint {
  /** The stride of the second difference, as a share of the number of steps. */
  static final double STRIDE = 0.05;

  private KneePoint() {}

  /**
   * The number of removals to make, in {@code [0, saliencies.length]}: {@code t + 1} for the knee
   * {@code t}; all of them for fewer than three values (a curve needs three points to bend).
   */
  static int removals(double[] saliencies) {
    int m = saliencies.length;
    if (m < 3) {
      return m;
    }
    double[] s = saliencies.clone();
    Arrays.sort(s);
    double floor = Arrays.stream(s).filter(v -> v > 0).min().orElse(1.0);
    double[] log = Arrays.stream(s).map(v -> Math.log(Math.max(v, floor))).toArray();
    int h = Math.max(1, Math.min((m - 1) / 2, (int) Math.round(STRIDE * m)));
    int knee = h;
    double best = Double.NEGATIVE_INFINITY;
    for (int t = h; t < m - h; t++) {
      double d2 = log[t + h] - 2 * log[t] + log[t - h];
      if (d2 > best) {
        best = d2;
        knee = t;
      }
    }
    return knee + 1;
  }
}
