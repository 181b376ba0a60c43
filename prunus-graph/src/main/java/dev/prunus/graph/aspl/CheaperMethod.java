package dev.prunus.graph.aspl;

/**
 * Picks the faster of two interchangeable methods from their measured costs: an exponential moving
 * average of each one's time per use. The other method is tried again once the chosen one has spent
 * 16 times the other's last known cost, so a change of regime (a search moving from a ring lattice's
 * long paths to a small world's short ones) is noticed at a cost of about 1/16 of the time. Both
 * methods must give the same results: the choice may change the speed, never an outcome.
 */
final class CheaperMethod {
  private static final double WEIGHT = 1.0 / 8;
  private static final double TRY_OTHER_AFTER = 16;

  private final double[] cost = new double[2];
  private final boolean[] tried = new boolean[2];
  private double spentSinceOtherTried;
  private int best;

  /** The method to use next: 0 or 1. */
  int next() {
    if (!tried[0]) {
      return 0;
    }
    if (!tried[1]) {
      return 1;
    }
    int other = 1 - best;
    return spentSinceOtherTried >= TRY_OTHER_AFTER * cost[other] ? other : best;
  }

  /** Records that {@code method} took {@code nanos}. */
  void took(int method, long nanos) {
    cost[method] = tried[method] ? cost[method] + WEIGHT * (nanos - cost[method]) : nanos;
    if (method != best) {
      spentSinceOtherTried = 0;
    } else {
      spentSinceOtherTried += nanos;
    }
    tried[method] = true;
    if (tried[0] && tried[1] && cost[1 - best] < cost[best]) {
      best = 1 - best;
      spentSinceOtherTried = 0;
    }
  }
}
