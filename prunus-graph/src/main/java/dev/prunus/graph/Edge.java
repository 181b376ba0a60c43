package dev.prunus.graph;

/**
 * An undirected edge between two distinct nodes, stored with the smaller node first.
 *
 * <p>{@code new Edge(7, 3)} and {@code new Edge(3, 7)} are the same value, {@code (3, 7)}.
 * Self-loops are not edges in Prunus: a graph records them separately (see {@link
 * UndirectedGraph#hasSelfLoop}).
 *
 * @param u the smaller endpoint, at least 0
 * @param v the larger endpoint
 */
public record Edge(int u, int v) implements Comparable<Edge> {

  /** Orders the endpoints and rejects negative nodes and self-loops. */
  public Edge {
    if (u < 0 || v < 0) {
      throw new IllegalArgumentException(
          "edge (" + u + ", " + v + ") names a negative node: nodes are numbered from 0");
    }
    if (u == v) {
      throw new IllegalArgumentException(
          "edge ("
              + u
              + ", "
              + v
              + ") is a self-loop: give self-links as {u, u} pairs to UndirectedGraph.fromPairs, or use"
              + " UndirectedGraph.withSelfLoops()");
    }
    if (u > v) {
      int t = u;
      u = v;
      v = t;
    }
  }

  /** The endpoint that is not {@code node}. */
  public int other(int node) {
    if (node == u) {
      return v;
    }
    if (node == v) {
      return u;
    }
    throw new IllegalArgumentException("node " + node + " is not an endpoint of " + this);
  }

  /** Lexicographic order on (u, v). */
  @Override
  public int compareTo(Edge o) {
    return u != o.u ? Integer.compare(u, o.u) : Integer.compare(v, o.v);
  }

  @Override
  public String toString() {
    return "(" + u + ", " + v + ")";
  }
}
