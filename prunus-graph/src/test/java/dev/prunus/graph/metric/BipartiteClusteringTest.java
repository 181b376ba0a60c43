package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.BipartiteClustering.Mode;
import org.junit.jupiter.api.Test;

/**
 * Latapy and Robins-Alexander clustering against networkx's bipartite/tests/test_cluster.py and
 * values printed by networkx 3.6.1 (src/test/python/networkx_fixtures.py).
 */
class BipartiteClusteringTest {

  @Test
  void pathOfFourMatchesNetworkxTests() {
    UndirectedGraph path = NamedGraphs.path(4);
    assertThat(BipartiteClustering.latapy(path, Mode.DOT)).containsOnly(0.5);
    assertThat(BipartiteClustering.latapy(path, Mode.MAX)).containsOnly(0.5);
    assertThat(BipartiteClustering.latapy(path, Mode.MIN)).containsOnly(1.0);
    assertThat(BipartiteClustering.averageLatapy(path, Mode.MIN)).isEqualTo(1.0);
  }

  @Test
  void starMatchesNetworkxTestsInEveryMode() {
    for (Mode mode : Mode.values()) {
      assertThat(BipartiteClustering.latapy(NamedGraphs.star(3), mode)).containsExactly(0, 1, 1, 1);
    }
    assertThat(BipartiteClustering.averageLatapy(NamedGraphs.star(3), Mode.DOT)).isEqualTo(0.75);
  }

  @Test
  void robinsAlexanderMatchesNetworkxTests() {
    UndirectedGraph square =
        UndirectedGraph.fromPairs(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
    assertThat(BipartiteClustering.robinsAlexander(square)).isEqualTo(1.0);
    assertThat(BipartiteClustering.robinsAlexander(UndirectedGraph.empty(0))).isZero();
    assertThat(BipartiteClustering.robinsAlexander(UndirectedGraph.empty(4))).isZero();
    UndirectedGraph twoPieces = UndirectedGraph.fromPairs(5, new int[][] {{0, 1}, {2, 3}, {3, 4}});
    assertThat(BipartiteClustering.robinsAlexander(twoPieces)).isZero();
    UndirectedGraph path =
        UndirectedGraph.fromPairs(5, new int[][] {{0, 1}, {2, 3}, {3, 4}, {1, 2}});
    assertThat(BipartiteClustering.robinsAlexander(path)).isZero();
  }

  @Test
  void davisSouthernWomenMatchesNetworkx() {
    UndirectedGraph davis = NamedGraphs.davisSouthernWomen();
    assertThat(davis.edgeCount()).isEqualTo(89);
    // networkx's docstring and test: round(robins_alexander_clustering(G), 3) == 0.468
    assertThat(BipartiteClustering.robinsAlexander(davis))
        .isCloseTo(0.46776406035665297, within(1e-15));
    assertThat(BipartiteClustering.averageLatapy(davis, Mode.DOT))
        .isCloseTo(0.32848583600481696, within(1e-14));
    assertThat(BipartiteClustering.averageLatapy(davis, Mode.MIN))
        .isCloseTo(0.6621901314065837, within(1e-14));
    assertThat(BipartiteClustering.averageLatapy(davis, Mode.MAX))
        .isCloseTo(0.3783246541168186, within(1e-14));
  }

  @Test
  void aLayeredGraphMatchesNetworkx() {
    UndirectedGraph layered = NamedGraphs.layered();
    assertThat(BipartiteClustering.robinsAlexander(layered))
        .isCloseTo(0.35714285714285715, within(1e-15));
    assertThat(BipartiteClustering.averageLatapy(layered, Mode.DOT))
        .isCloseTo(0.4139880952380952, within(1e-14));
    assertThat(BipartiteClustering.averageLatapy(layered, Mode.MIN))
        .isCloseTo(0.6550595238095237, within(1e-14));
    assertThat(BipartiteClustering.averageLatapy(layered, Mode.MAX))
        .isCloseTo(0.5005621693121692, within(1e-14));
  }

  @Test
  void aGraphWithAnOddCycleIsRejected() {
    assertThatThrownBy(() -> BipartiteClustering.latapy(NamedGraphs.complete(4), Mode.DOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not bipartite")
        .hasMessageContaining("SquareClustering");
    assertThatThrownBy(() -> BipartiteClustering.robinsAlexander(NamedGraphs.complete(4)))
        .hasMessageContaining("odd cycle");
  }
}
