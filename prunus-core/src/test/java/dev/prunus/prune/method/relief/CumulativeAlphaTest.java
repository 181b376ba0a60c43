package dev.prunus.prune.method.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The cumulative-alpha rule of METHODS.md B.2.2 on hand-computed lists (values chosen away from ties with alpha*S). */
class CumulativeAlphaTest {
  /** S = 10, alpha*S = 7.5; cumulative 5, 8, ...: p0 = 1, t = 2, threshold 1: the top two are kept. */
  @Test
  void keepsTheSmallestTopSetReachingAlpha() {
    double[] v = {5, 1, 3, 0.5, 0.5}; // four weights, then the bias
    assertThat(CumulativeAlpha.threshold(v, 0.75)).isEqualTo(1.0);
    assertThat(CumulativeAlpha.pruned(v, 0.75)).containsExactly(false, true, false, true, true);
  }

  /**
   * Edge case: S = 10, alpha*S = 9.5, cumulative 4, 7, 9, 10, so p0 = 3 and t = min(4, 3) = 3: the
   * threshold is the smallest value, which is pruned although the rest carries only 9 &lt; 9.5.
   */
  @Test
  void theCapPrunesTheWeakestEvenWhenEverythingIsNeeded() {
    assertThat(CumulativeAlpha.pruned(new double[] {1, 4, 2, 3}, 0.95)).containsExactly(true, false, false, false);
    assertThat(CumulativeAlpha.pruned(new double[] {3, 2, 1}, 1.0)).containsExactly(false, false, true);
  }

  /** Ties at the threshold go too: S = 8, alpha*S = 4, p0 = 1, threshold s(2) = 2 takes both 2s. */
  @Test
  void tiesAtTheThresholdArePruned() {
    assertThat(CumulativeAlpha.pruned(new double[] {2, 3, 1, 2}, 0.5)).containsExactly(true, false, true, true);
  }

  /**
   * Prunus's departure: the code's threshold would be the only value of a one-input list, or the common
   * value of a tied list, pruning everything; the strongest (first of the tied) input stays.
   */
  @Test
  void aUnitNeverLosesItsStrongestInputToTheRule() {
    assertThat(CumulativeAlpha.threshold(new double[] {0.7}, 0.95)).isEqualTo(0.7);
    assertThat(CumulativeAlpha.pruned(new double[] {0.7}, 0.95)).containsExactly(false);
    assertThat(CumulativeAlpha.threshold(new double[] {2, 2}, 0.95)).isEqualTo(2.0);
    assertThat(CumulativeAlpha.pruned(new double[] {2, 2}, 0.95)).containsExactly(false, true);
  }

  /** Pruned entries score 0 and stay pruned; with zeros in the list the cap is never reached. */
  @Test
  void zerosStayPrunedAndNeverForceALiveInputOut() {
    // S = 11, alpha*S = 10.45; cumulative 10, 11, 11, 11: p0 = 1, threshold s(2) = 0
    assertThat(CumulativeAlpha.pruned(new double[] {0, 10, 0, 1}, 0.95)).containsExactly(true, false, true, false);
    assertThat(CumulativeAlpha.pruned(new double[] {0, 0}, 0.95)).containsExactly(true, true);
  }

  @Test
  void alphaOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> CumulativeAlpha.pruned(new double[] {1}, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha=0.0").hasMessageContaining("(0, 1]");
  }
}
