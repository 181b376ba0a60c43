package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;

/**
 * How many ordered pairs of distinct nodes lie at each shortest-path distance, and how many are
 * unreachable: everything the path-length metrics need, from one bit-parallel all-pairs search.
 *
 * <p>Definitions follow networkx: {@link #averageShortestPathLength()} is {@code
 * average_shortest_path_length} (the sum of {@code d(i, j)} over ordered pairs divided by {@code
 * n(n-1)}; 0 for one node; an error for a disconnected graph or no nodes); {@link
 * #globalEfficiency()} is {@code global_efficiency} (the sum of {@code 1/d(i, j)} over ordered
 * pairs divided by {@code n(n-1)}, unreachable pairs adding 0; 0 for fewer than two nodes).
 * Self-loops play no part.
 */
public final class DistanceHistogram {
  private final int nodeCount;
  private final long[] pairsAtDistance;
  private final long unreachablePairs;

  DistanceHistogram(int nodeCount, long[] pairsAtDistance, long unreachablePairs) {
    this.nodeCount = nodeCount;
    this.pairsAtDistance = pairsAtDistance;
    this.unreachablePairs = unreachablePairs;
  }

  /** The distance distribution of {@code graph}. */
  public static DistanceHistogram of(UndirectedGraph graph) {
    int[][] rows = BitParallelBfs.compressedRows(graph);
    return new BitParallelBfs(graph.nodeCount()).histogram(rows[0], rows[1]);
  }

  /** Number of nodes of the measured graph. */
  public int nodeCount() {
    return nodeCount;
  }

  /** Ordered pairs at distance {@code d} (0 for {@code d} beyond the diameter or below 1). */
  public long pairsAtDistance(int d) {
    return d >= 1 && d < pairsAtDistance.length ? pairsAtDistance[d] : 0;
  }

  /** Ordered pairs of distinct nodes with no path between them. */
  public long unreachablePairs() {
    return unreachablePairs;
  }

  /** Whether every pair is reachable (true for fewer than two nodes). */
  public boolean isConnected() {
    return unreachablePairs == 0;
  }

  /** The largest finite distance (0 when no pair is reachable). */
  public int diameter() {
    return pairsAtDistance.length - 1;
  }

  /** Sum of {@code d(i, j)} over reachable ordered pairs. */
  public long distanceSum() {
    long sum = 0;
    for (int d = 1; d < pairsAtDistance.length; d++) {
      sum += d * pairsAtDistance[d];
    }
    return sum;
  }

  /**
   * The average shortest path length, networkx's {@code average_shortest_path_length}.
   *
   * @throws IllegalArgumentException if the graph has no nodes or is disconnected
   */
  public double averageShortestPathLength() {
    if (nodeCount == 0) {
      throw new IllegalArgumentException(
          "the average shortest path length of the graph with no nodes (n=0) is undefined");
    }
    if (!isConnected()) {
      throw new IllegalArgumentException(
          "the graph is not connected ("
              + unreachablePairs
              + " of "
              + (long) nodeCount * (nodeCount - 1)
              + " ordered pairs have no path): the average shortest path length"
              + " is defined only for connected graphs; use the global efficiency instead, or"
              + " measure each component");
    }
    if (nodeCount == 1) {
      return 0;
    }
    return distanceSum() / ((double) nodeCount * (nodeCount - 1));
  }

  /** The global efficiency, networkx's {@code global_efficiency}. */
  public double globalEfficiency() {
    if (nodeCount < 2) {
      return 0;
    }
    double sum = 0;
    for (int d = 1; d < pairsAtDistance.length; d++) {
      sum += pairsAtDistance[d] / (double) d;
    }
    return sum / ((double) nodeCount * (nodeCount - 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DistanceHistogram h
        && h.nodeCount == nodeCount
        && h.unreachablePairs == unreachablePairs
        && Arrays.equals(h.pairsAtDistance, pairsAtDistance);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pairsAtDistance) * 31 + Long.hashCode(unreachablePairs) + nodeCount;
  }

  @Override
  public String toString() {
    return "DistanceHistogram(n="
        + nodeCount
        + ", pairsAtDistance[1..]="
        + Arrays.toString(
            Arrays.copyOfRange(
                pairsAtDistance, Math.min(1, pairsAtDistance.length), pairsAtDistance.length))
        + ", unreachable="
        + unreachablePairs
        + ")";
  }
}
