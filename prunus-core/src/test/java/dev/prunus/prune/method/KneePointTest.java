package dev.prunus.prune.method;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The knee of a saliency curve: largest second difference of the log of the sorted curve, stride 5%. */
class KneePointTest {
  /**
   * 100 steps growing 1% a step, then 20 growing 30% a step: the growth rate jumps at step 100 (index 99).
   * The log curve is two lines of slopes log 1.01 and log 1.3; with stride 6 (5% of 120, rounded) the second
   * difference peaks where the window straddles the corner, at t = 99, so the first 100 merges are made.
   */
  @Test
  void findsWhereTheGrowthRateJumps() {
    double[] s = new double[120];
    for (int t = 0; t < 120; t++) {
      s[t] = t < 100 ? Math.pow(1.01, t) : Math.pow(1.01, 99) * Math.pow(1.3, t - 99);
    }
    assertThat(KneePoint.removals(s)).isEqualTo(100);
  }

  /** The raw second difference would pick the last steps of a steepening curve; the log one does not. */
  @Test
  void aSteadilySteepeningTailDoesNotPullTheKneeToTheEnd() {
    double[] s = new double[200];
    for (int t = 0; t < 200; t++) {
      s[t] = t < 150 ? 1 + 0.001 * t : 2 * Math.pow(1.15, t - 150) + 0.01 * (t - 150) * (t - 150);
    }
    int k = KneePoint.removals(s);
    assertThat(k).isBetween(145, 160);
  }

  /** Unsorted input (a merge can dip) and zero saliencies (exact twins) are handled; tiny curves take everything. */
  @Test
  void edgeCases() {
    assertThat(KneePoint.removals(new double[] {})).isZero();
    assertThat(KneePoint.removals(new double[] {0.5, 0.1})).isEqualTo(2);
    // twins (0, 0), then a near pair, then two costly ones: the jump is after the third merge
    assertThat(KneePoint.removals(new double[] {0, 0, 1e-6, 50, 60})).isEqualTo(3);
    assertThat(KneePoint.removals(new double[] {1e-6, 0, 0, 60, 50})).isEqualTo(3);
  }
}
