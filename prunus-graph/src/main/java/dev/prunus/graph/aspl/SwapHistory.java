package dev.prunus.graph.aspl;

import dev.prunus.graph.DoubleEdgeSwap;
import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;

/**
 * A climb's start graph and the swaps it kept, in order: any graph of the chain is the start graph
 * after a prefix of them. Sixteen bytes a swap instead of a graph per snapshot (a graph on 4096
 * nodes takes 2 MB as bitset rows), so a long chain on a large graph fits in memory. Appended to
 * while its climb runs, read-only afterwards.
 */
final class SwapHistory {
  private final UndirectedGraph start;
  private int[] swaps = new int[64];
  private int count;

  SwapHistory(UndirectedGraph start) {
    this.start = start;
  }

  void append(int a, int b, int c, int d) {
    if (4 * count + 4 > swaps.length) {
      swaps = Arrays.copyOf(swaps, 2 * swaps.length);
    }
    swaps[4 * count] = a;
    swaps[4 * count + 1] = b;
    swaps[4 * count + 2] = c;
    swaps[4 * count + 3] = d;
    count++;
  }

  /** Swaps kept so far. */
  int size() {
    return count;
  }

  /** The start graph after its first {@code prefix} swaps. */
  UndirectedGraph graphAfter(int prefix) {
    if (prefix < 0 || prefix > count) {
      throw new IllegalArgumentException("prefix " + prefix + " must be in [0, " + count + "]");
    }
    if (prefix == 0) {
      return start;
    }
    MutableGraph g = MutableGraph.copyOf(start);
    for (int i = 0; i < prefix; i++) {
      new DoubleEdgeSwap(swaps[4 * i], swaps[4 * i + 1], swaps[4 * i + 2], swaps[4 * i + 3]).applyTo(g);
    }
    return g.toGraph();
  }
}
