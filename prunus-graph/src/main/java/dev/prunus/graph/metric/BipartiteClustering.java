package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;

/**
 * Clustering for bipartite (two-mode, or layered) graphs, where triangle {@link Clustering} is
 * always 0: Latapy's pairwise clustering and Robins &amp; Alexander's four-cycle clustering, with
 * networkx's definitions ({@code networkx.algorithms.bipartite}).
 *
 * <p><b>Latapy</b> (Latapy, Magnien &amp; Del Vecchio, "Basic notions for the analysis of large
 * two-mode networks", Social Networks 30, 2008): {@code c_v} is the mean of {@code c_uv} over the
 * nodes {@code u != v} at distance 2 from {@code v} (0 when there are none), with {@code c_uv =
 * |N(u) & N(v)| / |N(u) | N(v)|} ({@link Mode#DOT}), or that intersection over {@code min} or
 * {@code max} of the two degrees ({@link Mode#MIN}, {@link Mode#MAX}). networkx {@code
 * latapy_clustering} and {@code bipartite.average_clustering}.
 *
 * <p><b>Robins-Alexander</b> (Robins &amp; Alexander, "Small worlds among interlocking directors",
 * Comput. Math. Organ. Theory 10, 2004): {@code 4 * C4 / L3}, four times the number of four-cycles
 * over the number of paths on four nodes; 0 for fewer than 4 nodes, fewer than 3 edges or no such
 * path. networkx {@code robins_alexander_clustering}.
 *
 * <p>A strictly layered feed-forward graph is bipartite (odd layers against even ones). A graph
 * with an odd cycle is rejected, as networkx rejects it. Self-loops are ignored.
 */
public final class BipartiteClustering {

  /** The pairwise clustering {@code c_uv} of Latapy et al. */
  public enum Mode {
    /** {@code |N(u) & N(v)| / |N(u) | N(v)|}. */
    DOT,
    /** {@code |N(u) & N(v)| / min(|N(u)|, |N(v)|)}. */
    MIN,
    /** {@code |N(u) & N(v)| / max(|N(u)|, |N(v)|)}. */
    MAX
  }

  private BipartiteClustering() {}

  /**
   * Every node's Latapy clustering.
   *
   * @throws IllegalArgumentException if the graph is not bipartite
   */
  public static double[] latapy(UndirectedGraph graph, Mode mode) {
    requireBipartite(graph);
    int n = graph.nodeCount();
    double[] c = new double[n];
    boolean[] atTwo = new boolean[n];
    for (int v = 0; v < n; v++) {
      Arrays.fill(atTwo, false);
      for (int x : graph.neighbours(v)) {
        for (int u : graph.neighbours(x)) {
          if (u != v) {
            atTwo[u] = true;
          }
        }
      }
      double sum = 0;
      int count = 0;
      for (int u = 0; u < n; u++) {
        if (atTwo[u]) {
          count++;
          sum += pairwise(graph, u, v, mode);
        }
      }
      c[v] = sum > 0 ? sum / count : 0;
    }
    return c;
  }

  /**
   * The mean Latapy clustering over all nodes.
   *
   * @throws IllegalArgumentException if the graph has no nodes or is not bipartite
   */
  public static double averageLatapy(UndirectedGraph graph, Mode mode) {
    return Clustering.mean(latapy(graph, mode), "average Latapy clustering");
  }

  /**
   * The Robins-Alexander clustering {@code 4 * C4 / L3}.
   *
   * @throws IllegalArgumentException if the graph has a path on four nodes but is not bipartite
   */
  public static double robinsAlexander(UndirectedGraph graph) {
    if (graph.nodeCount() < 4 || graph.edgeCount() < 3) {
      return 0;
    }
    long pathsTwice = threePathsCountedTwice(graph);
    if (pathsTwice == 0) {
      return 0;
    }
    requireBipartite(graph);
    long fourCyclesTimesFour = 0;
    for (int v = 0; v < graph.nodeCount(); v++) {
      int[] nbrs = graph.neighbours(v);
      for (int i = 0; i < nbrs.length; i++) {
        for (int j = i + 1; j < nbrs.length; j++) {
          fourCyclesTimesFour += graph.commonNeighbourCount(nbrs[i], nbrs[j]) - 1;
        }
      }
    }
    return fourCyclesTimesFour / (pathsTwice / 2.0);
  }

  /** Paths {@code v-u-w-x} on four distinct nodes, each counted once from either end. */
  private static long threePathsCountedTwice(UndirectedGraph graph) {
    long paths = 0;
    for (int v = 0; v < graph.nodeCount(); v++) {
      for (int u : graph.neighbours(v)) {
        for (int w : graph.neighbours(u)) {
          if (w != v) {
            paths += graph.degree(w) - 1 - (graph.hasEdge(w, v) ? 1 : 0);
          }
        }
      }
    }
    return paths;
  }

  private static double pairwise(UndirectedGraph graph, int u, int v, Mode mode) {
    int common = graph.commonNeighbourCount(u, v);
    int du = graph.degree(u);
    int dv = graph.degree(v);
    int denominator =
        switch (mode) {
          case DOT -> du + dv - common;
          case MIN -> Math.min(du, dv);
          case MAX -> Math.max(du, dv);
        };
    return common / (double) denominator;
  }

  /** Rejects a graph with an odd cycle, naming an edge that closes one. */
  static void requireBipartite(UndirectedGraph graph) {
    int n = graph.nodeCount();
    int[] side = new int[n];
    Arrays.fill(side, -1);
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      if (side[s] >= 0) {
        continue;
      }
      side[s] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        int u = queue[head++];
        for (int v : graph.neighbours(u)) {
          if (side[v] < 0) {
            side[v] = 1 - side[u];
            queue[tail++] = v;
          } else if (side[v] == side[u]) {
            throw new IllegalArgumentException(
                "graph is not bipartite: edge ("
                    + u
                    + ", "
                    + v
                    + ") closes an odd cycle;"
                    + " bipartite clustering needs a two-mode or layered graph, use"
                    + " SquareClustering for general graphs");
          }
        }
      }
    }
  }
}
