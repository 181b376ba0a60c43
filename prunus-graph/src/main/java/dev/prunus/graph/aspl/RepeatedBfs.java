package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.BitParallelBfs;

/**
 * Scores each swap by a fresh bit-parallel all-pairs search ({@link BitParallelBfs}), abandoned as
 * soon as the distance sum is certain to exceed the limit. Memory grows only linearly with the
 * graph; the fallback of {@link DynamicDistances} for graphs whose distance matrix would not fit.
 */
final class RepeatedBfs implements SwapEvaluator {
  private final SwapWorkspace graph;
  private final BitParallelBfs bfs;
  private long sum;

  RepeatedBfs(UndirectedGraph start) {
    this.graph = new SwapWorkspace(start);
    this.bfs = new BitParallelBfs(start.nodeCount());
    this.sum = bfs.distanceSum(graph.offsets(), graph.targets(), BitParallelBfs.ABOVE_LIMIT);
    if (sum == BitParallelBfs.DISCONNECTED) {
      throw new IllegalArgumentException("start graph is disconnected: the search needs a connected one");
    }
  }

  @Override
  public SwapWorkspace graph() {
    return graph;
  }

  @Override
  public long distanceSum() {
    return sum;
  }

  @Override
  public boolean swapIfAtMost(int a, int b, int c, int d, long limit) {
    graph.swap(a, b, c, d);
    long s = bfs.distanceSum(graph.offsets(), graph.targets(), limit);
    if (s == BitParallelBfs.DISCONNECTED || s > limit) {
      graph.unswap(a, b, c, d);
      return false;
    }
    sum = s;
    return true;
  }
}
