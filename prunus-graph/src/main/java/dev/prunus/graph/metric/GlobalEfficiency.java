package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;

/**
 * The global efficiency (Latora &amp; Marchiori, "Efficient behavior of small-world networks",
 * Phys. Rev. Lett. 87, 2001): the mean of {@code 1/d(i, j)} over the {@code n(n-1)} ordered pairs
 * of distinct nodes, an unreachable pair adding 0. Defined for disconnected graphs, unlike the
 * ASPL. networkx's {@code global_efficiency}; 0 for fewer than two nodes.
 */
public final class GlobalEfficiency {
  private GlobalEfficiency() {}

  /** The global efficiency of {@code graph}, in {@code [0, 1]}. */
  public static double of(UndirectedGraph graph) {
    return DistanceHistogram.of(graph).globalEfficiency();
  }
}
