package dev.prunus.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.generate.ErdosRenyi;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.api.Test;

class ConnectivityTest {

  @Test
  void componentsAreNumberedByTheirSmallestNode() {
    UndirectedGraph g = UndirectedGraph.fromPairs(6, new int[][] {{4, 5}, {0, 2}, {1, 1}});
    assertThat(Connectivity.componentLabels(g)).containsExactly(0, 1, 0, 2, 3, 3);
    assertThat(Connectivity.componentCount(g)).isEqualTo(4);
    assertThat(Connectivity.isConnected(g)).isFalse();
  }

  @Test
  void aSingleNodeIsConnectedAndNoNodesIsAnError() {
    assertThat(Connectivity.isConnected(UndirectedGraph.empty(1))).isTrue();
    assertThat(Connectivity.componentCount(UndirectedGraph.empty(0))).isZero();
    assertThatThrownBy(() -> Connectivity.isConnected(UndirectedGraph.empty(0)))
        .hasMessageContaining("no nodes (n=0)");
  }

  @Test
  void agreesWithJGraphTOnRandomGraphsAroundTheConnectivityThreshold() {
    for (int seed = 0; seed < 60; seed++) {
      int n = 20 + seed * 3;
      UndirectedGraph g = ErdosRenyi.gnm(n, (long) (0.55 * n * Math.log(n)), seed);
      ConnectivityInspector<Integer, ?> oracle = new ConnectivityInspector<>(JGraphT.of(g));
      assertThat(Connectivity.isConnected(g)).as("seed %d", seed).isEqualTo(oracle.isConnected());
      assertThat(Connectivity.componentCount(g)).isEqualTo(oracle.connectedSets().size());
    }
  }
}
