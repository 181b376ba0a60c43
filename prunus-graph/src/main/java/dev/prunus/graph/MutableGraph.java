package dev.prunus.graph;

import java.util.Arrays;

/**
 * A mutable, loop-free simple graph for generators and edge swaps; not thread-safe.
 *
 * <p>It keeps the same two views as {@link UndirectedGraph} (bitset rows and neighbour lists) in
 * step, so {@link #hasEdge} is one bit test and adding or removing an edge costs the degree of its
 * endpoints. Neighbour lists are in no particular order. Take an immutable snapshot with {@link
 * #toGraph()}.
 */
public final class MutableGraph {
  private final int n;
  private final int words;
  private final long[] rows;
  private final int[][] neighbours;
  private final int[] degree;
  private int edgeCount;

  private MutableGraph(int n, long[] rows) {
    this.n = n;
    this.words = UndirectedGraph.wordsFor(n);
    this.rows = rows;
    this.neighbours = new int[n][];
    this.degree = new int[n];
  }

  /** A graph on {@code n} nodes with no edges. */
  public static MutableGraph empty(int n) {
    UndirectedGraph.checkNodeCount(n);
    MutableGraph g = new MutableGraph(n, new long[n * UndirectedGraph.wordsFor(n)]);
    Arrays.fill(g.neighbours, new int[0]);
    return g;
  }

  /** A mutable copy of {@code graph}'s edges; self-loops are left out. */
  public static MutableGraph copyOf(UndirectedGraph graph) {
    MutableGraph g = new MutableGraph(graph.nodeCount(), graph.rowsCopy());
    for (int u = 0; u < g.n; u++) {
      g.neighbours[u] = graph.neighbours(u);
      g.degree[u] = g.neighbours[u].length;
    }
    g.edgeCount = graph.edgeCount();
    return g;
  }

  /** Number of nodes. */
  public int nodeCount() {
    return n;
  }

  /** Number of edges. */
  public int edgeCount() {
    return edgeCount;
  }

  /** Number of nodes linked to {@code u}. */
  public int degree(int u) {
    checkNode(u);
    return degree[u];
  }

  /** The {@code i}-th neighbour of {@code u}, {@code 0 <= i < degree(u)}, in no fixed order. */
  public int neighbour(int u, int i) {
    checkNode(u);
    if (i < 0 || i >= degree[u]) {
      throw new IllegalArgumentException(
          "neighbour index " + i + " of node " + u + " must be in [0, " + degree[u] + ")");
    }
    return neighbours[u][i];
  }

  /** Whether {@code u} and {@code v} are linked ({@code false} for {@code u == v}). */
  public boolean hasEdge(int u, int v) {
    checkNode(u);
    checkNode(v);
    return (rows[u * words + (v >>> 6)] >>> v & 1L) != 0;
  }

  /**
   * Links {@code u} and {@code v}.
   *
   * @throws IllegalArgumentException if {@code u == v} or the edge is already present
   */
  public MutableGraph addEdge(int u, int v) {
    checkNode(u);
    checkNode(v);
    if (u == v) {
      throw new IllegalArgumentException(
          "edge ("
              + u
              + ", "
              + v
              + ") is a self-loop: a MutableGraph is loop-free; add self-loops"
              + " to the finished graph with UndirectedGraph.withSelfLoops()");
    }
    if (hasEdge(u, v)) {
      throw new IllegalArgumentException(
          "edge " + new Edge(u, v) + " is already present: a simple graph has no multi-edges");
    }
    link(u, v);
    link(v, u);
    edgeCount++;
    return this;
  }

  /**
   * Unlinks {@code u} and {@code v}.
   *
   * @throws IllegalArgumentException if the edge is absent
   */
  public MutableGraph removeEdge(int u, int v) {
    if (!hasEdge(u, v)) {
      throw new IllegalArgumentException(
          "edge (" + u + ", " + v + ") is absent: only present edges can be removed");
    }
    unlink(u, v);
    unlink(v, u);
    edgeCount--;
    return this;
  }

  /** An immutable snapshot of the current edges. */
  public UndirectedGraph toGraph() {
    return new UndirectedGraph(n, rows.clone(), new long[words]);
  }

  private void link(int u, int v) {
    if (degree[u] == neighbours[u].length) {
      neighbours[u] = Arrays.copyOf(neighbours[u], Math.max(4, 2 * degree[u]));
    }
    neighbours[u][degree[u]++] = v;
    rows[u * words + (v >>> 6)] |= 1L << v;
  }

  private void unlink(int u, int v) {
    int[] list = neighbours[u];
    int last = --degree[u];
    for (int i = 0; i <= last; i++) {
      if (list[i] == v) {
        list[i] = list[last];
        break;
      }
    }
    rows[u * words + (v >>> 6)] &= ~(1L << v);
  }

  void checkNode(int u) {
    if (u < 0 || u >= n) {
      throw new IllegalArgumentException(
          "node " + u + " is outside the graph: nodes are 0.." + (n - 1) + " (n=" + n + ")");
    }
  }
}
