package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import org.junit.jupiter.api.Test;

/**
 * Square clustering against networkx: the cases of networkx's own test_cluster.py (current
 * formula), and values printed by networkx 3.6.1 (src/test/python/networkx_fixtures.py).
 */
class SquareClusteringTest {

  @Test
  void networkxTestCases() {
    assertThat(SquareClustering.local(NamedGraphs.cube())).containsOnly(1 / 3.0);
    assertThat(SquareClustering.local(NamedGraphs.complete(5))).containsOnly(1.0);
    assertThat(SquareClustering.local(NamedGraphs.completeBipartite(5, 5))).containsOnly(1.0);
    assertThat(SquareClustering.local(NamedGraphs.path(10))).containsOnly(0.0);
  }

  @Test
  void pengFigure1() {
    // networkx test_peng_square_clustering, nodes 1..6 renumbered 0..5
    UndirectedGraph g =
        UndirectedGraph.fromPairs(6, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {2, 4}, {2, 5}});
    assertThat(SquareClustering.local(g)).containsExactly(1 / 3.0, 1, 0.2, 1 / 3.0, 0, 0);
  }

  @Test
  void lindFigure1() {
    // networkx test_lind_square_clustering, node v renumbered v-1
    int[][] edges = {
      {1, 2}, {1, 3}, {1, 6}, {1, 7}, {2, 4}, {2, 5}, {3, 4}, {3, 5}, {6, 7}, {7, 8}, {6, 8},
      {7, 9}, {7, 10}, {6, 11}, {6, 12}, {2, 13}, {2, 14}, {3, 15}, {3, 16}
    };
    assertThat(SquareClustering.local(graph(16, edges, null))[0]).isEqualTo(3 / 43.0);
    assertThat(
            SquareClustering.local(graph(16, edges, new int[] {1, 2, 3, 4, 5, 13, 14, 15, 16}))[0])
        .isEqualTo(2 / 6.0);
    assertThat(SquareClustering.local(graph(16, edges, new int[] {1, 6, 7, 8, 9, 10, 11, 12}))[0])
        .isEqualTo(1 / 5.0);
  }

  @Test
  void selfLoopsAreIgnoredAsInCurrentNetworkx() {
    UndirectedGraph path = NamedGraphs.path(5);
    UndirectedGraph looped =
        UndirectedGraph.fromPairs(
            5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 0}, {1, 1}, {2, 2}});
    assertThat(SquareClustering.local(looped)).containsOnly(0.0);
    assertThat(SquareClustering.local(looped)).containsExactly(SquareClustering.local(path));
  }

  @Test
  void fixturesPrintedByNetworkx() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    assertThat(SquareClustering.average(karate)).isCloseTo(0.2342543985120551, within(1e-15));
    assertThat(SquareClustering.local(karate)[0]).isEqualTo(0.09051724137931035);
    assertThat(SquareClustering.local(karate)[14]).isEqualTo(0.5625);
    assertThat(SquareClustering.local(karate)[33]).isEqualTo(0.12158054711246201);
    assertThat(SquareClustering.average(NamedGraphs.wattsStrogatz10()))
        .isCloseTo(0.25906897855123723, within(1e-15));
    assertThat(SquareClustering.average(NamedGraphs.wattsStrogatz16().withSelfLoops()))
        .isCloseTo(0.17828117568678753, within(1e-15));
    assertThat(SquareClustering.average(NamedGraphs.petersen())).isZero();
  }

  @Test
  void layeredGraphsHaveSquareClusteringButNoTriangles() {
    UndirectedGraph layered = NamedGraphs.layered();
    assertThat(Clustering.average(layered)).isZero();
    assertThat(SquareClustering.average(layered)).isCloseTo(0.21420197449609216, within(1e-15));
    assertThat(SquareClustering.local(layered))
        .containsExactly(
            0.17647058823529413,
            0.4,
            0.0,
            0.25,
            0.15384615384615385,
            0.36363636363636365,
            0.17647058823529413,
            0.2,
            0.2,
            0.4,
            0,
            0.25);
  }

  /**
   * The graph on {@code n} nodes (named 1..n) with the edges, or its subgraph induced by {@code
   * keep}.
   */
  private static UndirectedGraph graph(int n, int[][] edges, int[] keep) {
    boolean[] kept = new boolean[n + 1];
    if (keep == null) {
      java.util.Arrays.fill(kept, true);
    } else {
      for (int v : keep) {
        kept[v] = true;
      }
    }
    return UndirectedGraph.fromPairs(
        n,
        java.util.Arrays.stream(edges)
            .filter(e -> kept[e[0]] && kept[e[1]])
            .map(e -> new int[] {e[0] - 1, e[1] - 1})
            .toArray(int[][]::new));
  }
}
