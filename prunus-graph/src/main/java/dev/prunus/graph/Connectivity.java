package dev.prunus.graph;

import java.util.Arrays;

/**
 * Connected components by breadth-first search; self-loops play no part.
 *
 * <p>Follows networkx's conventions: a single node is connected, and asking whether the graph with
 * no nodes is connected is an error ({@code nx.is_connected} raises on the null graph).
 */
public final class Connectivity {
  private Connectivity() {}

  /**
   * Whether every node can reach every other.
   *
   * @throws IllegalArgumentException if the graph has no nodes
   */
  public static boolean isConnected(UndirectedGraph graph) {
    if (graph.nodeCount() == 0) {
      throw new IllegalArgumentException(
          "connectivity is undefined for the graph with no nodes (n=0): give at least one node");
    }
    return componentCount(graph) == 1;
  }

  /** Number of connected components (0 for the graph with no nodes). */
  public static int componentCount(UndirectedGraph graph) {
    int[] labels = componentLabels(graph);
    int count = 0;
    for (int label : labels) {
      count = Math.max(count, label + 1);
    }
    return count;
  }

  /**
   * Component of every node: components are numbered 0, 1, ... in the order of their smallest node.
   */
  public static int[] componentLabels(UndirectedGraph graph) {
    int n = graph.nodeCount();
    int[] label = new int[n];
    Arrays.fill(label, -1);
    int[] queue = new int[n];
    int next = 0;
    for (int s = 0; s < n; s++) {
      if (label[s] >= 0) {
        continue;
      }
      label[s] = next;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        int u = queue[head++];
        for (int v : graph.neighbours(u)) {
          if (label[v] < 0) {
            label[v] = next;
            queue[tail++] = v;
          }
        }
      }
      next++;
    }
    return label;
  }

  /** Whether a path joins {@code a} and {@code b} in the current state of {@code graph}. */
  public static boolean linked(MutableGraph graph, int a, int b) {
    if (a == b) {
      return true;
    }
    int n = graph.nodeCount();
    boolean[] seen = new boolean[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = a;
    seen[a] = true;
    while (head < tail) {
      int u = queue[head++];
      for (int i = 0, d = graph.degree(u); i < d; i++) {
        int v = graph.neighbour(u, i);
        if (v == b) {
          return true;
        }
        if (!seen[v]) {
          seen[v] = true;
          queue[tail++] = v;
        }
      }
    }
    return false;
  }
}
