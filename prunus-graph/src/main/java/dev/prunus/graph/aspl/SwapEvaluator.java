package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;

/**
 * Scores double-edge swaps of an ASPL search by the sum of distances over ordered pairs, and keeps or
 * undoes them. Two implementations make the same decisions for every swap, so the choice between them
 * changes only the speed, never the chain: {@link DynamicDistances} keeps every distance and updates
 * only those a swap can change; {@link RepeatedBfs} runs the bit-parallel all-pairs search again.
 * Mutable, not thread-safe.
 */
interface SwapEvaluator {

  /** The graph, as it stands after the swaps kept so far. */
  SwapWorkspace graph();

  /** The sum of the distances over all ordered pairs of distinct nodes of the current graph. */
  long distanceSum();

  /**
   * Replaces edges {@code a-b, c-d} by {@code a-d, c-b} and keeps the swap iff the graph stays
   * connected and its distance sum is at most {@code limit}; otherwise leaves graph and sum as they
   * were. The caller has checked that the swap applies (four distinct nodes, {@code a-b} and {@code
   * c-d} present, {@code a-d} and {@code c-b} absent).
   *
   * @return whether the swap was kept
   */
  boolean swapIfAtMost(int a, int b, int c, int d, long limit);

  /**
   * Nodes from which {@link DynamicDistances} can beat {@link RepeatedBfs}: below, one or a few
   * 64-bit words hold all the sources and a full search costs little.
   */
  int DYNAMIC_FROM_NODES = 256;

  /**
   * Average degree from which {@link DynamicDistances} beats {@link RepeatedBfs}: in sparser graphs
   * paths are long, a swap changes the distances from most sources, and the full search over few
   * edges is cheaper (README, "ASPL search speed").
   */
  int DYNAMIC_FROM_DEGREE = 8;

  /**
   * The faster evaluator for {@code start}: {@link DynamicDistances} from {@value
   * #DYNAMIC_FROM_NODES} nodes and an average degree of {@value #DYNAMIC_FROM_DEGREE}, unless its
   * matrix of two bytes per ordered pair would take more than a quarter of the heap; otherwise
   * {@link RepeatedBfs}.
   */
  static SwapEvaluator forGraph(UndirectedGraph start) {
    return of(start, AsplOptimizer.Scoring.AUTO);
  }

  /**
   * The evaluator for {@code start} that scores the given way.
   *
   * @throws IllegalArgumentException if {@link AsplOptimizer.Scoring#DYNAMIC} is asked and the matrix
   *     would take more than a quarter of the heap
   */
  static SwapEvaluator of(UndirectedGraph start, AsplOptimizer.Scoring scoring) {
    int n = start.nodeCount();
    long heap = Runtime.getRuntime().maxMemory();
    boolean fits = DynamicDistances.fits(n, heap);
    return switch (scoring) {
      case FULL_SEARCH -> new RepeatedBfs(start);
      case DYNAMIC -> {
        if (!fits) {
          throw new IllegalArgumentException(
              "dynamic scoring of n="
                  + n
                  + " nodes needs "
                  + (2L * n * n >> 20)
                  + " MB for the distances, more than a quarter of the "
                  + (heap >> 20)
                  + " MB heap: give the JVM more (-Xmx) or score by full search");
        }
        yield new DynamicDistances(start);
      }
      case AUTO -> {
        boolean dense = 2L * start.edgeCount() >= (long) DYNAMIC_FROM_DEGREE * n;
        yield n >= DYNAMIC_FROM_NODES && dense && fits
            ? new DynamicDistances(start)
            : new RepeatedBfs(start);
      }
    };
  }
}
