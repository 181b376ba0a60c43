package dev.prunus.prune.method;

import java.util.Arrays;

/**
 * Where a saliency curve turns upward: Srinivas &amp; Babu stop merging at the knee of the curve of the
 * saliencies of successive greedy removals, which stays nearly flat and then rises sharply. Prunus takes
 * the knee as the largest second difference {@code s[t+1] - 2 s[t] + s[t-1]} of the saliencies sorted
 * in increasing order (METHODS.md B.3.4; the greedy sequence is almost sorted already, sorting removes
 * the small dips a merge can cause). The removals up to and including index {@code t} are kept: the jump
 * comes after them.
 */
final class KneePoint {
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
    int knee = 1;
    double best = Double.NEGATIVE_INFINITY;
    for (int t = 1; t < m - 1; t++) {
      double d2 = s[t + 1] - 2 * s[t] + s[t - 1];
      if (d2 > best) {
        best = d2;
        knee = t;
      }
    }
    return knee + 1;
  }
}
