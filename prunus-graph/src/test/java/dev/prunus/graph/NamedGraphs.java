package dev.prunus.graph;

import java.util.ArrayList;
import java.util.List;

/** Small fixed graphs whose metrics are known, with where each edge list comes from. */
public final class NamedGraphs {
  private NamedGraphs() {}

  /**
   * Zachary's karate club (Zachary, J. Anthropol. Res. 33, 1977): 34 members, 78 edges, as in
   * networkx's {@code karate_club_graph()}; for each node its neighbours with a larger number.
   */
  public static UndirectedGraph karateClub() {
    int[][] higher = {
      {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 17, 19, 21, 31},
      {2, 3, 7, 13, 17, 19, 21, 30},
      {3, 7, 8, 9, 13, 27, 28, 32},
      {7, 12, 13},
      {6, 10},
      {6, 10, 16},
      {16},
      {},
      {30, 32, 33},
      {33},
      {},
      {},
      {},
      {33},
      {32, 33},
      {32, 33},
      {},
      {},
      {32, 33},
      {33},
      {32, 33},
      {},
      {32, 33},
      {25, 27, 29, 32, 33},
      {25, 27, 31},
      {31},
      {29, 33},
      {33},
      {31, 33},
      {32, 33},
      {32, 33},
      {32, 33},
      {33},
      {}
    };
    return fromHigherNeighbours(higher);
  }

  /** The Petersen graph: outer 5-cycle 0..4, spokes i-(i+5), inner pentagram on 5..9. */
  public static UndirectedGraph petersen() {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      edges.add(new int[] {i, (i + 1) % 5});
      edges.add(new int[] {i, i + 5});
      edges.add(new int[] {i + 5, (i + 2) % 5 + 5});
    }
    return UndirectedGraph.fromPairs(10, edges.toArray(int[][]::new));
  }

  /** networkx {@code watts_strogatz_graph(10, 4, 0.3, seed=7)}, copied as an edge list. */
  public static UndirectedGraph wattsStrogatz10() {
    return UndirectedGraph.fromPairs(
        10,
        new int[][] {
          {0, 1}, {0, 4}, {0, 7}, {0, 8}, {1, 3}, {1, 4}, {1, 6}, {1, 8}, {1, 9}, {2, 4},
          {2, 8}, {2, 9}, {3, 8}, {3, 9}, {4, 6}, {5, 6}, {5, 7}, {6, 8}, {7, 8}, {8, 9}
        });
  }

  /** networkx {@code watts_strogatz_graph(16, 4, 0.2, seed=3)}, copied as an edge list. */
  public static UndirectedGraph wattsStrogatz16() {
    return UndirectedGraph.fromPairs(
        16,
        new int[][] {
          {0, 1}, {0, 2}, {0, 5}, {1, 2}, {1, 3}, {2, 3}, {2, 9}, {3, 4}, {3, 5}, {4, 5}, {4, 6},
          {4, 15}, {5, 7}, {6, 7}, {6, 8}, {7, 8}, {7, 9}, {8, 9}, {8, 10}, {9, 11}, {9, 15},
          {10, 11}, {10, 12}, {11, 12}, {11, 13}, {11, 14}, {12, 13}, {12, 14}, {12, 15}, {13, 14},
          {13, 15}, {14, 15}
        });
  }

  /** networkx {@code watts_strogatz_graph(30, 4, 0.1, seed=11)}, copied as an edge list. */
  public static UndirectedGraph wattsStrogatz30() {
    return UndirectedGraph.fromPairs(
        30,
        new int[][] {
          {0, 1}, {0, 13}, {0, 14}, {0, 28}, {0, 29}, {1, 2}, {1, 3}, {1, 21}, {2, 3}, {2, 4},
          {3, 4}, {3, 5}, {4, 5}, {4, 6}, {4, 10}, {5, 6}, {5, 8}, {6, 7}, {6, 8}, {6, 15}, {6, 20},
          {7, 8}, {7, 9}, {8, 9}, {8, 10}, {9, 10}, {9, 24}, {10, 12}, {10, 23}, {11, 13}, {11, 25},
          {12, 13}, {12, 14}, {12, 17}, {13, 14}, {13, 24}, {14, 15}, {14, 16}, {14, 24}, {15, 16},
          {16, 17}, {16, 18}, {17, 18}, {18, 19}, {18, 20}, {19, 20}, {19, 21}, {20, 21}, {21, 23},
          {22, 23}, {22, 24}, {23, 24}, {25, 26}, {25, 27}, {25, 29}, {26, 27}, {26, 28}, {27, 28},
          {27, 29}, {28, 29}
        });
  }

  /**
   * A three-layer feed-forward graph (layer A = 0..3, B = 4..7, C = 8..11): bipartite, no
   * triangles.
   */
  public static UndirectedGraph layered() {
    return UndirectedGraph.fromPairs(
        12,
        new int[][] {
          {0, 4}, {0, 5}, {1, 5}, {1, 6}, {2, 6}, {2, 7}, {3, 7}, {3, 4}, {0, 6}, {4, 8}, {5, 8},
          {5, 9}, {6, 10}, {7, 11}, {4, 11}, {6, 9}
        });
  }

  /**
   * Davis's Southern women (Davis, Gardner &amp; Gardner, Deep South, 1941), networkx's {@code
   * davis_southern_women_graph()}: women 0..17, events E1..E14 as nodes 18..31.
   */
  public static UndirectedGraph davisSouthernWomen() {
    int[][] events = {
      {1, 2, 3, 4, 5, 6, 8, 9},
      {1, 2, 3, 5, 6, 7, 8},
      {2, 3, 4, 5, 6, 7, 8, 9},
      {1, 3, 4, 5, 6, 7, 8},
      {3, 4, 5, 7},
      {3, 5, 6, 8},
      {5, 6, 7, 8},
      {6, 8, 9},
      {5, 7, 8, 9},
      {7, 8, 9, 12},
      {8, 9, 10, 12},
      {8, 9, 10, 12, 13, 14},
      {7, 8, 9, 10, 12, 13, 14},
      {6, 7, 9, 10, 11, 12, 13, 14},
      {7, 8, 10, 11, 12},
      {8, 9},
      {9, 11},
      {9, 11}
    };
    List<int[]> edges = new ArrayList<>();
    for (int woman = 0; woman < events.length; woman++) {
      for (int event : events[woman]) {
        edges.add(new int[] {woman, 17 + event});
      }
    }
    return UndirectedGraph.fromPairs(32, edges.toArray(int[][]::new));
  }

  /** The complete graph K_n. */
  public static UndirectedGraph complete(int n) {
    MutableGraph g = MutableGraph.empty(n);
    for (int u = 0; u < n; u++) {
      for (int v = u + 1; v < n; v++) {
        g.addEdge(u, v);
      }
    }
    return g.toGraph();
  }

  /** The path 0-1-...-(n-1). */
  public static UndirectedGraph path(int n) {
    MutableGraph g = MutableGraph.empty(n);
    for (int u = 0; u + 1 < n; u++) {
      g.addEdge(u, u + 1);
    }
    return g.toGraph();
  }

  /** The star with centre 0 and leaves 1..leaves. */
  public static UndirectedGraph star(int leaves) {
    MutableGraph g = MutableGraph.empty(leaves + 1);
    for (int u = 1; u <= leaves; u++) {
      g.addEdge(0, u);
    }
    return g.toGraph();
  }

  /** The complete bipartite graph K_{a,b}: nodes 0..a-1 against a..a+b-1. */
  public static UndirectedGraph completeBipartite(int a, int b) {
    MutableGraph g = MutableGraph.empty(a + b);
    for (int u = 0; u < a; u++) {
      for (int v = a; v < a + b; v++) {
        g.addEdge(u, v);
      }
    }
    return g.toGraph();
  }

  /** networkx {@code cubical_graph()}: the 3-cube Q3 (same edges, own numbering). */
  public static UndirectedGraph cube() {
    MutableGraph g = MutableGraph.empty(8);
    for (int u = 0; u < 8; u++) {
      for (int bit = 1; bit < 8; bit <<= 1) {
        if ((u & bit) == 0) {
          g.addEdge(u, u | bit);
        }
      }
    }
    return g.toGraph();
  }

  private static UndirectedGraph fromHigherNeighbours(int[][] higher) {
    MutableGraph g = MutableGraph.empty(higher.length);
    for (int u = 0; u < higher.length; u++) {
      for (int v : higher[u]) {
        g.addEdge(u, v);
      }
    }
    return g.toGraph();
  }
}
