package dev.prunus.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rewriting a growing file after every event costs at most its share of the time, not time quadratic in events. */
class RewriteBudgetTest {
  /** A clock the test moves. */
  private static final class Clock {
    long now;
  }

  @Test
  void aWriteIsDueOnceTwentyTimesItsOwnDurationHasPassed() {
    Clock clock = new Clock();
    RewriteBudget budget = new RewriteBudget(0.05, () -> clock.now);
    assertThat(budget.due()).isTrue();
    budget.write(() -> clock.now += 10_000_000); // a write of 10 ms
    clock.now += 199_000_000;
    assertThat(budget.due()).isFalse();
    clock.now += 1_000_000;
    assertThat(budget.due()).isTrue();
  }

  /**
   * 10,000 runs of 2 s each, results rewritten after each that is due, a write costing 0.1 ms per row:
   * written after every run, the rewrites would take 5,000 s beside the 20,000 s of runs (and grow
   * quadratically); with the budget they take about 5% of the time, and small grids are still written
   * after every run.
   */
  @Test
  void rewritesOfAGrowingFileTakeAboutTheirShareOfTheTime() {
    Clock clock = new Clock();
    RewriteBudget budget = new RewriteBudget(0.05, () -> clock.now);
    int writes = 0;
    long writing = 0;
    for (int rows = 1; rows <= 10_000; rows++) {
      clock.now += 2_000_000_000L; // a run
      if (budget.due()) {
        long cost = rows * 100_000L;
        budget.write(() -> clock.now += cost);
        writes++;
        writing += cost;
        if (rows <= 100) {
          assertThat(writes).isEqualTo(rows); // every run while a write is short
        }
      }
    }
    assertThat(writing).isLessThan((long) (0.06 * clock.now));
    assertThat(writes).isLessThan(3_000);
  }
}
