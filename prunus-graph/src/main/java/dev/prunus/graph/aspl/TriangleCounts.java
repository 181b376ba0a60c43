package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.Clustering;

/**
 * The triangles through every node of a search's graph, kept up to date across swaps, so that a
 * snapshot's average clustering costs one pass over the nodes instead of a recount. A swap loses the
 * triangles through its removed edges and gains those through its added ones (no triangle holds both
 * removed or both added edges: they share no node), each at the cost of one neighbour list.
 */
final class TriangleCounts {
  private final long[] triangles;
  private final int[] degrees;

  TriangleCounts(UndirectedGraph start) {
    this.triangles = Clustering.triangles(start);
    this.degrees = start.degrees();
  }

  /**
   * Counts a swap that {@code graph} has just made ({@code a-b, c-d} became {@code a-d, c-b}): the
   * triangles through the removed edges go, those through the added ones come. The graph is briefly
   * put back to count the lost ones, and left as it was found.
   */
  void swapped(SwapWorkspace graph, int a, int b, int c, int d) {
    graph.unswap(a, b, c, d);
    change(graph, a, b, -1);
    change(graph, c, d, -1);
    graph.swap(a, b, c, d);
    change(graph, a, d, 1);
    change(graph, c, b, 1);
  }

  /** The average clustering, equal to {@link Clustering#average(UndirectedGraph)} of the graph. */
  double averageClustering() {
    return Clustering.average(triangles, degrees);
  }

  private void change(SwapWorkspace graph, int u, int v, int sign) {
    for (int i = 0, k = graph.degree(u); i < k; i++) {
      int w = graph.neighbour(u, i);
      if (w != v && graph.hasEdge(v, w)) {
        triangles[u] += sign;
        triangles[v] += sign;
        triangles[w] += sign;
      }
    }
  }
}
