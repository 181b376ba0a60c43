package dev.prunus.graph.aspl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The cheaper of two methods gets nearly all the uses, and a change of costs is noticed. */
class CheaperMethodTest {

  /** Runs {@code uses} uses at the given cost per method; returns how many went to method 1. */
  private static int run(CheaperMethod m, int uses, IntToLongFunction cost) {
    int ones = 0;
    for (int i = 0; i < uses; i++) {
      int method = m.next();
      ones += method;
      m.took(cost.applyAsLong(method));
    }
    return ones;
  }

  @Test
  void bothAreWarmedUpThenTheCheaperOneRunsAndTheOtherIsTriedAboutOneSixteenthOfTheTime() {
    CheaperMethod m = new CheaperMethod();
    // method 1 costs 10 us, method 0 costs 40 us
    IntToLongFunction cost = method -> method == 1 ? 10_000 : 40_000;
    int ones = run(m, 4 * CheaperMethod.PHASE, cost);
    assertThat(ones).as("two phases each to warm up").isEqualTo(2 * CheaperMethod.PHASE);
    int later = run(m, 100_000, cost);
    // a trial of 32 dear uses (1,280 us) after every 16 x 1,280 us of cheap ones: 1/17 of the time,
    // 32 of every 2,080 uses
    assertThat(100_000 - later).as("uses of the dearer method").isBetween(1_400, 1_600);
    assertThat(m.next()).isOne();
  }

  @Test
  void whenTheCostsCrossTheOtherMethodTakesOver() {
    CheaperMethod m = new CheaperMethod();
    run(m, 20_000, method -> method == 0 ? 10_000 : 30_000);
    assertThat(m.next()).isZero();
    int ones = run(m, 20_000, method -> method == 0 ? 50_000 : 30_000);
    assertThat(ones).isGreaterThan(18_000);
    assertThat(m.next()).isOne();
  }

  @Test
  void aTrialOfAMuchDearerMethodEndsEarly() {
    CheaperMethod m = new CheaperMethod();
    // method 1 costs 100 ms a use: its phases end once they have taken twice the other's 32 x 1 ms
    int ones = run(m, 2 * CheaperMethod.PHASE + 2, method -> method == 1 ? 100_000_000 : 1_000_000);
    assertThat(ones).isEqualTo(2);
  }
}
