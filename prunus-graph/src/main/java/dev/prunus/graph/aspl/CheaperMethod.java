package dev.prunus.graph.aspl;

/**
 * Picks the faster of two interchangeable methods from their measured costs. Each method runs in
 * phases of up to {@value #PHASE} uses, and the mean time per use of its last phase is its cost (a
 * mean over a phase, because single uses vary widely: a refused swap costs less than a kept one).
 *
 * <p>At first the two alternate, and a method's first phase only warms it up (the just-in-time
 * compiler has not yet seen its code, which then runs many times slower than it will). Once both are
 * measured the cheaper one runs, and the other gets a phase again once the cheaper one has spent
 * {@value #TRY_OTHER_AFTER} times the other's last phase, so that a change of regime (a search moving
 * from a ring lattice's long paths to a small world's short ones) is noticed at a cost of about 1/16
 * of the time. A phase that has taken twice the other method's last phase (and at least 20 ms) ends
 * early. Both methods must give the same results: the choice changes the speed, never an outcome.
 */
final class CheaperMethod {
  static final int PHASE = 32;
  static final int TRY_OTHER_AFTER = 16;
  private static final long LEAST_PHASE_NANOS = 20_000_000L;

  private final double[] lastPhase = new double[2];
  private final int[] phases = new int[2];
  private int best;
  private int current;
  private int uses;
  private long phaseNanos;
  private double spentSinceOtherTried;

  /** The method to use next: 0 or 1. */
  int next() {
    return current;
  }

  /** Records that the method {@link #next()} returned took {@code nanos}. */
  void took(long nanos) {
    uses++;
    phaseNanos += nanos;
    if (current == best) {
      spentSinceOtherTried += nanos;
    }
    int other = 1 - current;
    boolean tooLong =
        phases[other] > 0
            && phaseNanos > Math.max(2 * lastPhase[other] * PHASE, LEAST_PHASE_NANOS);
    if (uses < PHASE && !tooLong) {
      return;
    }
    lastPhase[current] = phaseNanos / (double) uses;
    phases[current]++;
    uses = 0;
    phaseNanos = 0;
    if (phases[0] < 2 || phases[1] < 2) {
      current = phases[0] <= phases[1] ? 0 : 1;
      best = current;
      return;
    }
    best = lastPhase[0] <= lastPhase[1] ? 0 : 1;
    if (current == best && spentSinceOtherTried >= TRY_OTHER_AFTER * lastPhase[1 - best] * PHASE) {
      current = 1 - best;
      spentSinceOtherTried = 0;
    } else {
      current = best;
    }
  }
}
