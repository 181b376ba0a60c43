package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.BitParallelBfs;

/**
 * The mutable graph of an ASPL search: loop-free, its degrees never change, held as compressed
 * neighbour lists (for breadth-first searches) and bitset rows (for edge tests). A double-edge swap
 * rewrites one entry in each of four lists and flips eight bits. Not thread-safe.
 */
final class SwapWorkspace {
  private final int n;
  private final int words;
  private final int[] offsets;
  private final int[] targets;
  private final long[] rows;

  SwapWorkspace(UndirectedGraph graph) {
    this.n = graph.nodeCount();
    this.words = (n + 63) >>> 6;
    int[][] csr = BitParallelBfs.compressedRows(graph);
    this.offsets = csr[0];
    this.targets = csr[1];
    this.rows = new long[n * words];
    for (int u = 0; u < n; u++) {
      System.arraycopy(graph.adjacencyWords(u), 0, rows, u * words, words);
    }
  }

  int nodeCount() {
    return n;
  }

  int degree(int u) {
    return offsets[u + 1] - offsets[u];
  }

  int neighbour(int u, int i) {
    return targets[offsets[u] + i];
  }

  boolean hasEdge(int u, int v) {
    return (rows[u * words + (v >>> 6)] >>> v & 1L) != 0;
  }

  /**
   * The neighbour lists in compressed sparse row form, shared, not copied: the neighbours of {@code
   * v} are {@code targets()[offsets()[v] .. offsets()[v+1]-1]}. Swaps rewrite {@code targets()}.
   */
  int[] offsets() {
    return offsets;
  }

  /** See {@link #offsets()}. */
  int[] targets() {
    return targets;
  }

  /** Replaces edges {@code a-b, c-d} by {@code a-d, c-b}; the caller has checked it applies. */
  void swap(int a, int b, int c, int d) {
    replace(a, b, d);
    replace(b, a, c);
    replace(c, d, b);
    replace(d, c, a);
  }

  /** Undoes {@link #swap} with the same arguments. */
  void unswap(int a, int b, int c, int d) {
    swap(a, d, c, b);
  }

  /** Number of nodes other than {@code u} and {@code v} linked to both. */
  int commonNeighbourCount(int u, int v) {
    int count = 0;
    for (int w = 0; w < words; w++) {
      count += Long.bitCount(rows[u * words + w] & rows[v * words + w]);
    }
    return count;
  }

  UndirectedGraph toGraph() {
    int[][] pairs = new int[targets.length / 2][];
    int k = 0;
    for (int u = 0; u < n; u++) {
      for (int i = offsets[u]; i < offsets[u + 1]; i++) {
        if (targets[i] > u) {
          pairs[k++] = new int[] {u, targets[i]};
        }
      }
    }
    return UndirectedGraph.fromPairs(n, pairs);
  }

  /** In {@code u}'s list, neighbour {@code from} becomes {@code to}. */
  private void replace(int u, int from, int to) {
    for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) {
      if (targets[i] == from) {
        targets[i] = to;
        rows[u * words + (from >>> 6)] &= ~(1L << from);
        rows[u * words + (to >>> 6)] |= 1L << to;
        return;
      }
    }
    throw new IllegalStateException(from + " is not a neighbour of " + u);
  }
}
