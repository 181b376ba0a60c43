package dev.prunus.prune.method.relief;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
import java.util.Arrays;

/**
 * NNrelief's selection rule for one unit: of the unit's incoming importances (one per
 * connection, plus its bias), keep the smallest top-ranked set whose cumulative importance reaches
 * {@code alpha} of the total, and prune the rest, ties at the threshold included.
 *
 * <p>Exactly as the authors' code computes it: sort the {@code m + 1} values in descending order
 * ({@code s(0) >= s(1) >= ...}), take the cumulative sums {@code c(p)}, let {@code p0} be the number of
 * {@code p} with {@code c(p) < alpha * S} ({@code S} the total), and prune every value {@code <= s(t)} with
 * {@code t = min(p0 + 1, m)}. The cap is the edge case: when the whole list is needed to reach alpha, the
 * threshold is the smallest value, which is still pruned, so a unit whose inputs are all live loses at
 * least its weakest one in every pass. Values already pruned are 0 and are always at or below the
 * threshold, so they stay pruned.
 *
 * <p>One departure: the strongest input (the first, when several tie) is never pruned by this rule. The
 * code's rule would prune every input of a unit with a single one (the threshold is then that input:
 * a bias-free convolution on a one-channel image, such as a ResNet stem on (Fashion-)MNIST, would lose
 * its whole first layer in the first pass) or with all inputs tied. The authors never meet the first case
 * (their LeNet convolutions have biases, their VGG and ResNet inputs three channels, and their ResNet code
 * never masks the stem); outside these degenerate lists the result is the code's. Units still go whole
 * when dead or unused.
 */
public final class CumulativeAlpha {
  private CumulativeAlpha() {}

  /**
   * Which of {@code importance} (non-negative; a unit's connections and, last, its bias) to prune.
   *
   * @throws InvalidInputException if alpha is not in (0, 1]
   */
  public static boolean[] pruned(double[] importance, double alpha) {
    requireAlpha(alpha, "alpha");
    boolean[] out = new boolean[importance.length];
    if (importance.length == 0) {
      return out;
    }
    double threshold = threshold(importance, alpha);
    int strongest = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = importance[i] <= threshold;
      if (importance[i] > importance[strongest]) {
        strongest = i;
      }
    }
    if (importance[strongest] > 0) {
      out[strongest] = false; // never all: see the class comment
    }
    return out;
  }

  /** The value {@code s(t)} at and below which everything is pruned. */
  static double threshold(double[] importance, double alpha) {
    double[] sorted = importance.clone();
    Arrays.sort(sorted);
    int m = sorted.length - 1;
    for (int i = 0; i < sorted.length / 2; i++) { // descending
      double t = sorted[i];
      sorted[i] = sorted[m - i];
      sorted[m - i] = t;
    }
    double total = 0;
    for (double v : sorted) {
      total += v;
    }
    double goal = alpha * total;
    int p0 = 0;
    double cumulative = 0;
    for (double v : sorted) {
      cumulative += v;
      if (cumulative < goal) {
        p0++;
      }
    }
    return sorted[Math.min(p0 + 1, m)];
  }

  /**
   * Checks an alpha: a share of importance in (0, 1].
   *
   * @param name the parameter's Java name, e.g. {@code alphaFc}
   */
  static double requireAlpha(double alpha, String name) {
    ParameterCheck.require(alpha > 0 && alpha <= 1, name, alpha, "must be in (0, 1]: the share of each unit's "
        + "importance to keep, e.g. 0.95");
    return alpha;
  }
}
