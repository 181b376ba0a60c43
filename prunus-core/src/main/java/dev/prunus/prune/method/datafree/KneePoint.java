package dev.prunus.prune.method.datafree;

import java.util.Arrays;

/**
 * Where a saliency curve turns upward: Srinivas &amp; Babu stop merging at the knee of the curve of the
 * saliencies of successive greedy removals, which stays nearly flat and then rises sharply. The curve is
 * sorted first (a merge can make a small dip; the greedy sequence is almost sorted already), and the
 * removals up to and including the knee {@code t} are made: the steep part comes after them. Two rules:
 *
 * <ul>
 *   <li>{@link KneeRule#SECOND_DIFFERENCE}, the usual knee detector: the largest second difference
 *       {@code s[t+1] - 2 s[t] + s[t-1]}. It is degenerate on the curves trained networks give: a curve
 *       that keeps steepening has its largest differences where its values are largest, so it picks one
 *       of the very last merges (497 of 500 neurons of a trained LeNet-5 FC1, where accuracy is gone).
 *       Taking it on the logarithm, even over a stride of 5% of the steps, still lands on the last step
 *       the stride allows. Kept so that the suggested rule can be compared.
 *   <li>{@link KneeRule#KNEEDLE}, the default: the point of the curve farthest below the chord from its first
 *       to its last point, with both axes scaled to [0, 1] (Satopää, Albrecht, Irwin, Raghavan 2011,
 *       "Finding a 'Kneedle' in a Haystack"), on the logarithm of the saliencies, so that the knee is
 *       where the growth rate rises above its average and not where the values are largest. Zero
 *       saliencies (exact twins) are raised to the smallest positive one before the logarithm.
 * </ul>
 */
final class KneePoint {
  private KneePoint() {}

  /**
   * The number of removals to make, in {@code [0, saliencies.length]}: {@code t + 1} for the knee
   * {@code t}; all of them for fewer than three values (a curve needs three points to bend) or a flat
   * curve (every merge costs the same).
   */
  static int removals(double[] saliencies, KneeRule rule) {
    int m = saliencies.length;
    if (m < 3) {
      return m;
    }
    double[] s = saliencies.clone();
    Arrays.sort(s);
    return (rule == KneeRule.KNEEDLE ? kneedle(s) : secondDifference(s)) + 1;
  }

  private static int secondDifference(double[] s) {
    int knee = 1;
    double best = Double.NEGATIVE_INFINITY;
    for (int t = 1; t < s.length - 1; t++) {
      double d2 = s[t + 1] - 2 * s[t] + s[t - 1];
      if (d2 > best) {
        best = d2;
        knee = t;
      }
    }
    return knee;
  }

  private static int kneedle(double[] s) {
    int m = s.length;
    double floor = Arrays.stream(s).filter(v -> v > 0).min().orElse(1.0);
    double[] log = Arrays.stream(s).map(v -> Math.log(Math.max(v, floor))).toArray();
    double rise = log[m - 1] - log[0];
    if (!(rise > 0)) {
      return m - 1;
    }
    int knee = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < m; t++) {
      double belowChord = (double) t / (m - 1) - (log[t] - log[0]) / rise;
      if (belowChord > best) {
        best = belowChord;
        knee = t;
      }
    }
    return knee;
  }
}
