package dev.prunus.graph.generate;

import dev.prunus.graph.MutableGraph;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws nodes with probability proportional to their degree, as networkx's {@code
 * discrete_sequence} over the degree distribution does in {@code random_reference} and {@code
 * lattice_reference}. Degrees are read once: the swaps that follow preserve them.
 */
final class DegreeWeightedNodes {
  private final long[] cumulative;

  DegreeWeightedNodes(MutableGraph graph) {
    int n = graph.nodeCount();
    cumulative = new long[n];
    long sum = 0;
    for (int u = 0; u < n; u++) {
      sum += graph.degree(u);
      cumulative[u] = sum;
    }
  }

  /** A node drawn with probability {@code degree / sum of degrees}. */
  int draw(SplittableRandom random) {
    long r = random.nextLong(cumulative[cumulative.length - 1]);
    int i = Arrays.binarySearch(cumulative, r + 1);
    if (i < 0) {
      i = -i - 1;
    }
    while (i > 0 && cumulative[i - 1] == r + 1) {
      i--;
    }
    return i;
  }
}
