package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;

/**
 * Triangle clustering: the local clustering coefficient of Watts &amp; Strogatz (Nature 393, 1998)
 * and the transitivity (global clustering), with networkx's definitions.
 *
 * <p>{@code C_i = 2 T_i / (k_i (k_i - 1))} where {@code T_i} is the number of triangles through
 * node {@code i} and {@code k_i} its degree, and {@code C_i = 0} when {@code k_i < 2} (networkx
 * {@code clustering}); the average clustering is the mean over all nodes, zeros included (networkx
 * {@code average_clustering}); the transitivity is {@code 3 * triangles / connected triples} (0
 * without triangles; networkx {@code transitivity}). Self-loops are ignored, as in networkx.
 *
 * <p>In a strictly layered graph (edges only between consecutive layers) every cycle is even, so
 * all of these are 0: use {@link SquareClustering} or {@link BipartiteClustering} there.
 */
public final class Clustering {
  private Clustering() {}

  /** Twice the number of triangles through each node. */
  static long[] doubledTriangles(UndirectedGraph graph) {
    int n = graph.nodeCount();
    long[] t = new long[n];
    for (int v = 0; v < n; v++) {
      for (int w : graph.neighbours(v)) {
        t[v] += graph.commonNeighbourCount(v, w);
      }
    }
    return t;
  }

  /** The number of triangles through each node. */
  public static long[] triangles(UndirectedGraph graph) {
    long[] t = doubledTriangles(graph);
    for (int v = 0; v < t.length; v++) {
      t[v] /= 2;
    }
    return t;
  }

  /** Every node's clustering coefficient {@code C_i}. */
  public static double[] local(UndirectedGraph graph) {
    long[] t = doubledTriangles(graph);
    double[] c = new double[t.length];
    for (int v = 0; v < t.length; v++) {
      c[v] = local(t[v], graph.degree(v));
    }
    return c;
  }

  /** {@code C_i} from twice the triangles through the node and its degree. */
  private static double local(long doubledTriangles, long k) {
    return doubledTriangles == 0 ? 0 : doubledTriangles / (double) (k * (k - 1));
  }

  /**
   * The mean of {@link #local} over all nodes.
   *
   * @throws IllegalArgumentException if the graph has no nodes
   */
  public static double average(UndirectedGraph graph) {
    return mean(local(graph), "average clustering");
  }

  /**
   * The average clustering of a graph whose nodes have these {@link #triangles} and degrees: the
   * same number as {@link #average(UndirectedGraph)}, to the last bit, for a search that keeps
   * triangle counts up to date instead of recounting them.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public static double average(long[] triangles, int[] degrees) {
    if (triangles.length != degrees.length) {
      throw new IllegalArgumentException(
          triangles.length + " triangle counts for " + degrees.length + " degrees: give one per node");
    }
    double[] c = new double[triangles.length];
    for (int v = 0; v < c.length; v++) {
      c[v] = local(2 * triangles[v], degrees[v]);
    }
    return mean(c, "average clustering");
  }

  /**
   * The transitivity {@code 3 * triangles / connected triples}; 0 for a graph without triangles.
   */
  public static double transitivity(UndirectedGraph graph) {
    long[] t = doubledTriangles(graph);
    long triangles = 0;
    long triples = 0;
    for (int v = 0; v < t.length; v++) {
      long k = graph.degree(v);
      triangles += t[v];
      triples += k * (k - 1);
    }
    return triangles == 0 ? 0 : triangles / (double) triples;
  }

  /** Left-to-right mean, as Python's {@code sum(c) / len(c)}. */
  static double mean(double[] values, String what) {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          "the " + what + " of the graph with no nodes (n=0) is undefined");
    }
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
