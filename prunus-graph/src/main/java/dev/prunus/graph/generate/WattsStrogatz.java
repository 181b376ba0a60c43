package dev.prunus.graph.generate;

import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import java.util.SplittableRandom;

/**
 * The Watts-Strogatz small-world graph (Watts &amp; Strogatz, "Collective dynamics of 'small-world'
 * networks", Nature 393, 1998): a {@link RingLattice} whose edges are rewired with probability
 * {@code p}.
 *
 * <p>Semantics of networkx's {@code watts_strogatz_graph}: the lattice edges are visited by
 * distance {@code j = 1 .. k/2} (outer loop) and node {@code u = 0 .. n-1} (inner loop); with
 * probability {@code p} the edge {@code (u, u+j)} has its far end moved to a uniformly random node
 * {@code w}, redrawn while {@code w} is {@code u} or already linked to {@code u}; the rewiring is
 * skipped when {@code u} is already linked to every other node. The edge count stays {@code nk/2};
 * degrees change. The draws come from one {@link SplittableRandom} seeded with {@code seed} (not
 * Python's generator, so the graph for a seed differs from networkx's).
 *
 * <p>Prunus requires an even {@code k} (networkx silently uses {@code floor(k/2)} per side).
 */
public final class WattsStrogatz {
  private WattsStrogatz() {}

  /**
   * A Watts-Strogatz graph.
   *
   * @throws IllegalArgumentException unless {@code k} is even, {@code 0 <= k < n} and {@code p} is
   *     in {@code [0, 1]}
   */
  public static UndirectedGraph generate(int n, int k, double p, long seed) {
    RingLattice.check(n, k);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("rewiring probability p=" + p + " must be in [0, 1]");
    }
    MutableGraph g = MutableGraph.copyOf(RingLattice.of(n, k));
    SplittableRandom random = new SplittableRandom(seed);
    for (int j = 1; j <= k / 2; j++) {
      for (int u = 0; u < n; u++) {
        if (random.nextDouble() < p) {
          rewire(g, u, (u + j) % n, random);
        }
      }
    }
    return g.toGraph();
  }

  private static void rewire(MutableGraph g, int u, int v, SplittableRandom random) {
    int n = g.nodeCount();
    int w = random.nextInt(n);
    while (w == u || g.hasEdge(u, w)) {
      w = random.nextInt(n);
      if (g.degree(u) >= n - 1) {
        return;
      }
    }
    g.removeEdge(u, v);
    g.addEdge(u, w);
  }
}
