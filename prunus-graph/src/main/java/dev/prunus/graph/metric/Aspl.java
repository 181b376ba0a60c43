package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;

/**
 * The average shortest path length (ASPL) of a connected graph: the mean of {@code d(i, j)} over
 * the {@code n(n-1)} ordered pairs of distinct nodes, with unweighted distances. The same number as
 * networkx's {@code average_shortest_path_length} (an integer sum divided once by {@code n(n-1)},
 * so equal to the last bit). Computed by {@link BitParallelBfs}.
 */
public final class Aspl {
  private Aspl() {}

  /**
   * The ASPL of {@code graph}; 0 for a single node.
   *
   * @throws IllegalArgumentException if the graph has no nodes or is disconnected
   */
  public static double of(UndirectedGraph graph) {
    return DistanceHistogram.of(graph).averageShortestPathLength();
  }
}
