package dev.prunus.prune.method.datafree;

import static dev.prunus.prune.method.datafree.KneeRule.KNEEDLE;
import static dev.prunus.prune.method.datafree.KneeRule.SECOND_DIFFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The knee of a saliency curve: farthest below the chord of the sorted log curve, or the largest second difference. */
class KneePointTest {
  /**
   * 100 steps growing 1% a step, then 20 growing 30% a step: the log curve is two lines, of slopes
   * log 1.01 and log 1.3, meeting at index 99. The chord's slope lies between the two, so the point
   * farthest below it is the corner, and the first 100 merges are made.
   */
  @Test
  void kneedleFindsTheCornerOfTwoGrowthRates() {
    double[] s = new double[120];
    for (int t = 0; t < 120; t++) {
      s[t] = t < 100 ? Math.pow(1.01, t) : Math.pow(1.01, 99) * Math.pow(1.3, t - 99);
    }
    assertThat(KneePoint.removals(s, KNEEDLE)).isEqualTo(100);
  }

  /**
   * The documented fault of the raw second difference: on a curve that steepens to the end (here 1.05^t),
   * it picks the last interior point, 199 of 200 merges, while the same curve has no corner for kneedle
   * to find but its middle. With a corner (flat, then steepening from step 150) kneedle finds the corner.
   */
  @Test
  void theRawSecondDifferencePicksTheTailKneedleTheCorner() {
    double[] steepening = new double[200];
    double[] corner = new double[200];
    for (int t = 0; t < 200; t++) {
      steepening[t] = Math.pow(1.05, t);
      corner[t] = t < 150 ? 1 + 0.001 * t : 2 * Math.pow(1.15, t - 150) + 0.01 * (t - 150) * (t - 150);
    }
    assertThat(KneePoint.removals(steepening, SECOND_DIFFERENCE)).isEqualTo(199);
    assertThat(KneePoint.removals(corner, SECOND_DIFFERENCE)).isEqualTo(199);
    assertThat(KneePoint.removals(corner, KNEEDLE)).isEqualTo(150);
  }

  /** Unsorted input (a merge can dip), zero saliencies (exact twins), flat and tiny curves. */
  @Test
  void edgeCases() {
    assertThat(KneePoint.removals(new double[] {}, KNEEDLE)).isZero();
    assertThat(KneePoint.removals(new double[] {0.5, 0.1}, KNEEDLE)).isEqualTo(2);
    // twins (0, 0), then a near pair, then two costly ones: the jump is after the third merge
    assertThat(KneePoint.removals(new double[] {0, 0, 1e-6, 50, 60}, KNEEDLE)).isEqualTo(3);
    assertThat(KneePoint.removals(new double[] {1e-6, 0, 0, 60, 50}, KNEEDLE)).isEqualTo(3);
    // every merge costs the same: no knee, all of them
    assertThat(KneePoint.removals(new double[] {2, 2, 2, 2}, KNEEDLE)).isEqualTo(4);
    assertThat(KneePoint.removals(new double[] {0, 0, 0}, KNEEDLE)).isEqualTo(3);
  }
}
