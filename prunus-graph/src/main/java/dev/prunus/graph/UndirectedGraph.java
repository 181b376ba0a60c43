package dev.prunus.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable undirected graph on nodes {@code 0 .. n-1}: simple (no multi-edges), with an
 * optional self-loop per node.
 *
 * <p>Every node's neighbours are held twice: as a bitset ({@code ceil(n/64)} words per node, for
 * set intersections and bit-parallel breadth-first search) and as a sorted array. Sized for the
 * relational graphs of RGP and Small-World: up to a few thousand nodes.
 *
 * <p><b>Self-loops.</b> A relational graph may link a node to itself (Small-World's "each node also
 * linked to itself", which keeps the diagonal blocks of every masked layer). A self-loop is stored
 * apart from the edges and is excluded from every metric, exactly as networkx excludes it from
 * clustering, transitivity, shortest paths and efficiency: {@link #degree}, {@link #neighbours},
 * {@link #edgeCount} and {@link #edges} never include it. Only {@link #hasSelfLoop}, {@link
 * #selfLoopCount} and {@link #adjacencyMatrix} (its diagonal) show it. Note that networkx's {@code
 * G.degree} would count a self-loop twice; Prunus's degree is the number of other nodes linked.
 *
 * <p>Editing returns a new graph; for many edits (generators, edge swaps) use a {@link
 * MutableGraph} and take a snapshot with {@link MutableGraph#toGraph()}.
 */
public final class UndirectedGraph {
  private final int n;
  private final int words;
  private final long[] rows;
  private final long[] selfLoops;
  private final int[][] neighbours;
  private final int edgeCount;
  private final int selfLoopCount;

  /** Takes ownership of {@code rows} (loop-free, symmetric) and {@code selfLoops}. */
  UndirectedGraph(int n, long[] rows, long[] selfLoops) {
    this.n = n;
    this.words = wordsFor(n);
    this.rows = rows;
    this.selfLoops = selfLoops;
    this.neighbours = new int[n][];
    int degreeSum = 0;
    for (int u = 0; u < n; u++) {
      int[] list = new int[rowCount(u)];
      int k = 0;
      for (int w = 0; w < words; w++) {
        long bits = rows[u * words + w];
        while (bits != 0) {
          list[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
        }
      }
      neighbours[u] = list;
      degreeSum += k;
    }
    this.edgeCount = degreeSum / 2;
    int loops = 0;
    for (long word : selfLoops) {
      loops += Long.bitCount(word);
    }
    this.selfLoopCount = loops;
  }

  /** Words of 64 bits needed for one row of a graph on {@code n} nodes. */
  static int wordsFor(int n) {
    return (n + 63) >>> 6;
  }

  /** The graph on {@code n} nodes with no edges. */
  public static UndirectedGraph empty(int n) {
    checkNodeCount(n);
    return new UndirectedGraph(n, new long[n * wordsFor(n)], new long[wordsFor(n)]);
  }

  /**
   * The graph on {@code n} nodes with the given edges.
   *
   * @throws IllegalArgumentException if an edge names a node outside {@code [0, n)} or appears
   *     twice
   */
  public static UndirectedGraph of(int n, Collection<Edge> edges) {
    MutableGraph g = MutableGraph.empty(n);
    for (Edge e : edges) {
      g.addEdge(e.u(), e.v());
    }
    return g.toGraph();
  }

  /**
   * The graph on {@code n} nodes with the edges {@code {u, v}} given as pairs, e.g. {@code {{0, 1},
   * {1, 2}}}. A pair {@code {u, u}} adds a self-loop.
   *
   * @throws IllegalArgumentException if a pair does not have two entries, names a node outside
   *     {@code [0, n)}, or repeats an edge
   */
  public static UndirectedGraph fromPairs(int n, int[][] pairs) {
    MutableGraph g = MutableGraph.empty(n);
    long[] loops = new long[wordsFor(n)];
    for (int[] pair : pairs) {
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "edge " + Arrays.toString(pair) + " has " + pair.length + " entries: give {u, v}");
      }
      if (pair[0] == pair[1]) {
        g.checkNode(pair[0]);
        if ((loops[pair[0] >>> 6] >>> pair[0] & 1L) != 0) {
          throw new IllegalArgumentException(
              "self-loop (" + pair[0] + ", " + pair[0] + ") is already present: give it once");
        }
        loops[pair[0] >>> 6] |= 1L << pair[0];
      } else {
        g.addEdge(pair[0], pair[1]);
      }
    }
    return g.toGraph().withSelfLoopsAt(loops);
  }

  /**
   * The graph whose adjacency matrix is {@code a}; a {@code true} diagonal entry is a self-loop.
   *
   * @throws IllegalArgumentException if {@code a} is not square or not symmetric
   */
  public static UndirectedGraph fromAdjacencyMatrix(boolean[][] a) {
    int n = a.length;
    MutableGraph g = MutableGraph.empty(n);
    long[] loops = new long[wordsFor(n)];
    for (int u = 0; u < n; u++) {
      if (a[u].length != n) {
        throw new IllegalArgumentException(
            "adjacency row "
                + u
                + " has "
                + a[u].length
                + " entries but the matrix has "
                + n
                + " rows: the matrix must be square");
      }
    }
    for (int u = 0; u < n; u++) {
      if (a[u][u]) {
        loops[u >>> 6] |= 1L << u;
      }
      for (int v = u + 1; v < n; v++) {
        if (a[u][v] != a[v][u]) {
          throw new IllegalArgumentException(
              "adjacency matrix is not symmetric: a["
                  + u
                  + "]["
                  + v
                  + "]="
                  + a[u][v]
                  + " but a["
                  + v
                  + "]["
                  + u
                  + "]="
                  + a[v][u]
                  + "; an undirected graph needs a[u][v] == a[v][u]");
        }
        if (a[u][v]) {
          g.addEdge(u, v);
        }
      }
    }
    return g.toGraph().withSelfLoopsAt(loops);
  }

  static void checkNodeCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 0");
    }
  }

  /** Number of nodes. */
  public int nodeCount() {
    return n;
  }

  /** Number of edges between distinct nodes (self-loops not counted). */
  public int edgeCount() {
    return edgeCount;
  }

  /** Number of nodes linked to themselves. */
  public int selfLoopCount() {
    return selfLoopCount;
  }

  /** Whether node {@code u} is linked to itself. */
  public boolean hasSelfLoop(int u) {
    checkNode(u);
    return (selfLoops[u >>> 6] >>> u & 1L) != 0;
  }

  /**
   * Whether {@code u} and {@code v} are linked; for {@code u == v}, whether {@code u} has a
   * self-loop (the diagonal of the adjacency matrix).
   */
  public boolean hasEdge(int u, int v) {
    checkNode(u);
    checkNode(v);
    if (u == v) {
      return hasSelfLoop(u);
    }
    return (rows[u * words + (v >>> 6)] >>> v & 1L) != 0;
  }

  /** Number of other nodes linked to {@code u} (a self-loop is not counted). */
  public int degree(int u) {
    checkNode(u);
    return neighbours[u].length;
  }

  /** Every node's {@link #degree}. */
  public int[] degrees() {
    int[] d = new int[n];
    for (int u = 0; u < n; u++) {
      d[u] = neighbours[u].length;
    }
    return d;
  }

  /** The largest degree, 0 for a graph without nodes. */
  public int maxDegree() {
    int max = 0;
    for (int[] list : neighbours) {
      max = Math.max(max, list.length);
    }
    return max;
  }

  /** Whether every node has the same degree (true for graphs with fewer than two nodes). */
  public boolean isRegular() {
    for (int u = 1; u < n; u++) {
      if (neighbours[u].length != neighbours[0].length) {
        return false;
      }
    }
    return true;
  }

  /** The other nodes linked to {@code u}, ascending (a copy). */
  public int[] neighbours(int u) {
    checkNode(u);
    return neighbours[u].clone();
  }

  /** Number of nodes other than {@code u} and {@code v} linked to both. */
  public int commonNeighbourCount(int u, int v) {
    checkNode(u);
    checkNode(v);
    int count = 0;
    int a = u * words;
    int b = v * words;
    for (int w = 0; w < words; w++) {
      count += Long.bitCount(rows[a + w] & rows[b + w]);
    }
    return count;
  }

  /**
   * Node {@code u}'s neighbours as a bitset of {@code ceil(n/64)} words: bit {@code v & 63} of word
   * {@code v >> 6} is set iff {@code v} is a neighbour (a copy, self-loop excluded).
   */
  public long[] adjacencyWords(int u) {
    checkNode(u);
    return Arrays.copyOfRange(rows, u * words, (u + 1) * words);
  }

  /** The edges (self-loops excluded) in ascending order. */
  public List<Edge> edges() {
    List<Edge> edges = new ArrayList<>(edgeCount);
    for (int u = 0; u < n; u++) {
      for (int v : neighbours[u]) {
        if (v > u) {
          edges.add(new Edge(u, v));
        }
      }
    }
    return edges;
  }

  /** The adjacency matrix, with self-loops on the diagonal. */
  public boolean[][] adjacencyMatrix() {
    boolean[][] a = new boolean[n][n];
    for (int u = 0; u < n; u++) {
      for (int v : neighbours[u]) {
        a[u][v] = true;
      }
      a[u][u] = hasSelfLoop(u);
    }
    return a;
  }

  /** This graph with every node linked to itself. */
  public UndirectedGraph withSelfLoops() {
    long[] loops = new long[words];
    for (int u = 0; u < n; u++) {
      loops[u >>> 6] |= 1L << u;
    }
    return withSelfLoopsAt(loops);
  }

  /** This graph with no self-loops. */
  public UndirectedGraph withoutSelfLoops() {
    return selfLoopCount == 0 ? this : withSelfLoopsAt(new long[words]);
  }

  private UndirectedGraph withSelfLoopsAt(long[] loops) {
    return new UndirectedGraph(n, rows, loops);
  }

  /**
   * The same graph with node {@code u} renamed {@code newLabel[u]}.
   *
   * @throws IllegalArgumentException if {@code newLabel} is not a permutation of {@code 0 .. n-1}
   */
  public UndirectedGraph relabel(int[] newLabel) {
    if (newLabel.length != n) {
      throw new IllegalArgumentException(
          "relabelling has " + newLabel.length + " entries for " + n + " nodes: give one per node");
    }
    boolean[] seen = new boolean[n];
    for (int label : newLabel) {
      if (label < 0 || label >= n || seen[label]) {
        throw new IllegalArgumentException(
            "relabelling " + Arrays.toString(newLabel) + " is not a permutation of 0.." + (n - 1));
      }
      seen[label] = true;
    }
    long[] newRows = new long[rows.length];
    long[] newLoops = new long[words];
    for (int u = 0; u < n; u++) {
      int a = newLabel[u];
      for (int v : neighbours[u]) {
        int b = newLabel[v];
        newRows[a * words + (b >>> 6)] |= 1L << b;
      }
      if (hasSelfLoop(u)) {
        newLoops[a >>> 6] |= 1L << a;
      }
    }
    return new UndirectedGraph(n, newRows, newLoops);
  }

  /** A copy of the loop-free adjacency rows, {@code words} per node (for {@link MutableGraph}). */
  long[] rowsCopy() {
    return rows.clone();
  }

  void checkNode(int u) {
    if (u < 0 || u >= n) {
      throw new IllegalArgumentException(
          "node " + u + " is outside the graph: nodes are 0.." + (n - 1) + " (n=" + n + ")");
    }
  }

  private int rowCount(int u) {
    int count = 0;
    for (int w = 0; w < words; w++) {
      count += Long.bitCount(rows[u * words + w]);
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UndirectedGraph g
        && g.n == n
        && Arrays.equals(g.rows, rows)
        && Arrays.equals(g.selfLoops, selfLoops);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * n + Arrays.hashCode(rows)) + Arrays.hashCode(selfLoops);
  }

  @Override
  public String toString() {
    return "UndirectedGraph(n=" + n + ", edges=" + edgeCount + ", selfLoops=" + selfLoopCount + ")";
  }
}
