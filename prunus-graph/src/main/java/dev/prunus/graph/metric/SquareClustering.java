package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;

/**
 * The square clustering coefficient {@code C_4} (Lind, Gonzalez &amp; Herrmann, "Cycles and
 * clustering in bipartite networks", Phys. Rev. E 72, 2005), in the corrected form networkx's
 * {@code square_clustering} has used since version 2.6 (after Peng et al.'s counterexample).
 *
 * <p>For node {@code v} and each pair {@code u, w} of its neighbours, {@code q} is the number of
 * common neighbours of {@code u} and {@code w} other than {@code v} (squares through {@code v, u,
 * w}) and {@code a = (k_u - (1 + q + theta)) + (k_w - (1 + q + theta))}, {@code theta = 1} if
 * {@code u} and {@code w} are linked. {@code C_4(v) = sum q / sum (a + q)}, 0 when the denominator
 * is 0. It measures how often two neighbours of a node share another neighbour, so it is not
 * identically 0 on layered (bipartite) graphs, unlike triangle {@link Clustering}. Self-loops are
 * ignored, as in current networkx.
 */
public final class SquareClustering {
  private SquareClustering() {}

  /** Every node's {@code C_4}. */
  public static double[] local(UndirectedGraph graph) {
    int n = graph.nodeCount();
    double[] c = new double[n];
    for (int v = 0; v < n; v++) {
      int[] nbrs = graph.neighbours(v);
      long squares = 0;
      long potential = 0;
      for (int i = 0; i < nbrs.length; i++) {
        int u = nbrs[i];
        for (int j = i + 1; j < nbrs.length; j++) {
          int w = nbrs[j];
          long q = graph.commonNeighbourCount(u, w) - 1;
          long degm = q + 1 + (graph.hasEdge(u, w) ? 1 : 0);
          squares += q;
          potential += (graph.degree(u) - degm) + (graph.degree(w) - degm) + q;
        }
      }
      c[v] = potential > 0 ? squares / (double) potential : 0;
    }
    return c;
  }

  /**
   * The mean of {@link #local} over all nodes.
   *
   * @throws IllegalArgumentException if the graph has no nodes
   */
  public static double average(UndirectedGraph graph) {
    return Clustering.mean(local(graph), "average square clustering");
  }
}
