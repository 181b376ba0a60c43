package dev.prunus.graph.generate;

import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Erdos-Renyi random graphs (Erdos &amp; Renyi, "On random graphs I", Publ. Math. Debrecen 6, 1959;
 * Gilbert, Ann. Math. Stat. 30, 1959).
 *
 * <p>{@link #gnm}: uniformly random among all graphs with exactly {@code m} edges (networkx {@code
 * gnm_random_graph}); {@link #gnp}: every pair linked independently with probability {@code p}
 * (networkx {@code gnp_random_graph}). Draws come from a {@link SplittableRandom} seeded with
 * {@code seed}.
 */
public final class ErdosRenyi {
  private ErdosRenyi() {}

  /**
   * G(n, m): {@code m} distinct edges chosen uniformly (Floyd's sampling over the {@code n(n-1)/2}
   * node pairs).
   *
   * @throws IllegalArgumentException unless {@code n >= 0} and {@code 0 <= m <= n(n-1)/2}
   */
  public static UndirectedGraph gnm(int n, long m, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 0");
    }
    long pairs = (long) n * (n - 1) / 2;
    if (m < 0 || m > pairs) {
      throw new IllegalArgumentException(
          "edge count m=" + m + " must be in [0, " + pairs + "] for n=" + n + " nodes");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> chosen = new HashSet<>();
    for (long j = pairs - m; j < pairs; j++) {
      long t = random.nextLong(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    MutableGraph g = MutableGraph.empty(n);
    chosen.stream().sorted().forEach(index -> addPair(g, index));
    return g.toGraph();
  }

  /**
   * G(n, p): each of the {@code n(n-1)/2} pairs, in order {@code (0,1), (0,2), ..., (n-2,n-1)},
   * linked iff a uniform draw is below {@code p}.
   *
   * @throws IllegalArgumentException unless {@code n >= 0} and {@code p} is in {@code [0, 1]}
   */
  public static UndirectedGraph gnp(int n, double p, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 0");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("edge probability p=" + p + " must be in [0, 1]");
    }
    SplittableRandom random = new SplittableRandom(seed);
    MutableGraph g = MutableGraph.empty(n);
    for (int u = 0; u < n; u++) {
      for (int v = u + 1; v < n; v++) {
        if (random.nextDouble() < p) {
          g.addEdge(u, v);
        }
      }
    }
    return g.toGraph();
  }

  /** Links the pair with lexicographic index {@code index} among {@code (u, v), u < v}. */
  private static void addPair(MutableGraph g, long index) {
    int n = g.nodeCount();
    int u = 0;
    long rowLength = n - 1;
    while (index >= rowLength) {
      index -= rowLength;
      u++;
      rowLength--;
    }
    g.addEdge(u, (int) (u + 1 + index));
  }
}
