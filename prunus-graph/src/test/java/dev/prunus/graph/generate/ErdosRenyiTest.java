package dev.prunus.graph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.UndirectedGraph;
import org.junit.jupiter.api.Test;

class ErdosRenyiTest {

  @Test
  void gnmHasExactlyMEdges() {
    assertThat(ErdosRenyi.gnm(100, 321, 1).edgeCount()).isEqualTo(321);
    assertThat(ErdosRenyi.gnm(10, 45, 1).edgeCount()).isEqualTo(45);
    assertThat(ErdosRenyi.gnm(10, 0, 1).edgeCount()).isZero();
  }

  @Test
  void gnmChoosesEveryPairEquallyOften() {
    // 4 nodes, 6 pairs, 3 edges: each pair is in half the graphs
    int[] count = new int[6];
    int draws = 6000;
    for (int seed = 0; seed < draws; seed++) {
      UndirectedGraph g = ErdosRenyi.gnm(4, 3, seed);
      int p = 0;
      for (int u = 0; u < 4; u++) {
        for (int v = u + 1; v < 4; v++) {
          count[p++] += g.hasEdge(u, v) ? 1 : 0;
        }
      }
    }
    for (int c : count) {
      // binomial(6000, 0.5): standard deviation 39
      assertThat(c).isBetween(2800, 3200);
    }
  }

  @Test
  void gnpHasAboutPTimesThePairs() {
    UndirectedGraph g = ErdosRenyi.gnp(400, 0.05, 9);
    // 79,800 pairs: mean 3990, standard deviation 62
    assertThat(g.edgeCount()).isBetween(3740, 4240);
    assertThat(ErdosRenyi.gnp(30, 1, 1).edgeCount()).isEqualTo(435);
    assertThat(ErdosRenyi.gnp(30, 0, 1).edgeCount()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameGraph() {
    assertThat(ErdosRenyi.gnm(50, 100, 8)).isEqualTo(ErdosRenyi.gnm(50, 100, 8));
    assertThat(ErdosRenyi.gnp(50, 0.1, 8)).isEqualTo(ErdosRenyi.gnp(50, 0.1, 8));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> ErdosRenyi.gnm(10, 46, 1))
        .hasMessageContaining("m=46 must be in [0, 45]");
    assertThatThrownBy(() -> ErdosRenyi.gnp(10, -0.1, 1))
        .hasMessageContaining("p=-0.1 must be in [0, 1]");
  }
}
