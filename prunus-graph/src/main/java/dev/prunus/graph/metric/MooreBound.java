package dev.prunus.graph.metric;

/**
 * The Moore bound on the average shortest path length: no graph on {@code n} nodes with maximum
 * degree {@code k} has a smaller ASPL.
 *
 * <p>From any node at most {@code k} nodes lie at distance 1, at most {@code k(k-1)} at distance 2,
 * and at most {@code k(k-1)^(d-1)} at distance {@code d}. Filling the {@code n-1} other nodes
 * greedily into the nearest levels gives the least possible distance sum per node; the bound is
 * that sum over {@code n-1} (e.g. Cerf, Cowan, Mullin &amp; Stanton, "A lower bound on the average
 * shortest path length in regular graphs", Networks 4, 1974). For 64 nodes of degree 4: {@code (4 +
 * 2*12 + 3*36 + 4*11) / 63 = 180/63 = 2.857...}. RGP reports how close its graphs come to it (Chen
 * et al., IEEE TNNLS 35(10), 2024).
 */
public final class MooreBound {
  private MooreBound() {}

  /**
   * The Moore bound on the ASPL of a graph on {@code n} nodes of degree at most {@code k}.
   *
   * @throws IllegalArgumentException if {@code n < 2}, {@code k < 1}, {@code k >= n}, or {@code k =
   *     1} with {@code n > 2} (no connected graph exists then)
   */
  public static double aspl(int n, int k) {
    if (n < 2) {
      throw new IllegalArgumentException(
          "node count n=" + n + " must be at least 2 for a shortest path length to exist");
    }
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("degree k=" + k + " must be in [1, n) for n=" + n);
    }
    if (k == 1 && n > 2) {
      throw new IllegalArgumentException(
          "degree k=1 cannot connect n="
              + n
              + " nodes: a connected graph on more than two nodes"
              + " needs k >= 2");
    }
    long remaining = n - 1;
    long sum = 0;
    long atLevel = k;
    for (int d = 1; remaining > 0; d++) {
      long placed = Math.min(atLevel, remaining);
      sum += d * placed;
      remaining -= placed;
      atLevel = Math.min(atLevel * (k - 1), n);
    }
    return sum / (double) (n - 1);
  }
}
