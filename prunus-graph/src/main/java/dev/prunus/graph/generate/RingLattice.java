package dev.prunus.graph.generate;

import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;

/**
 * The k-regular ring lattice: nodes {@code 0 .. n-1} on a circle, each linked to its {@code k/2}
 * nearest neighbours on either side.
 *
 * <p>This is the starting graph of the Watts-Strogatz model (Watts &amp; Strogatz, Nature 393,
 * 1998) at rewiring probability 0, networkx's {@code watts_strogatz_graph(n, k, 0)}, and RGP's
 * {@code first_regular_graph} (Chen et al., IEEE TNNLS 35(10), 2024). Its average clustering is
 * {@code 3(k-2) / (4(k-1))} for {@code k < 2n/3}; node {@code i} is at distance {@code ceil(min(j,
 * n-j) / (k/2))} from node {@code i+j}.
 */
public final class RingLattice {
  private RingLattice() {}

  /**
   * The ring lattice on {@code n} nodes of degree {@code k}.
   *
   * @throws IllegalArgumentException unless {@code k} is even and {@code 0 <= k < n}
   */
  public static UndirectedGraph of(int n, int k) {
    check(n, k);
    MutableGraph g = MutableGraph.empty(n);
    for (int j = 1; j <= k / 2; j++) {
      for (int u = 0; u < n; u++) {
        g.addEdge(u, (u + j) % n);
      }
    }
    return g.toGraph();
  }

  /** The rule shared by the ring-lattice based generators. */
  static void check(int n, int k) {
    if (n < 1) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 1");
    }
    if (k < 0 || k % 2 != 0 || k >= n) {
      throw new IllegalArgumentException(
          "degree k="
              + k
              + " must be even and below n="
              + n
              + ": a ring lattice links k/2 neighbours on each side of every node");
    }
  }
}
