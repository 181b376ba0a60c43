package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.JGraphT;
import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.ErdosRenyi;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.graph.generate.WattsStrogatz;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Triangle clustering against networkx's numbers (fixtures printed by networkx 3.6.1 with
 * src/test/python/networkx_fixtures.py, or taken from networkx's own tests), closed forms, and
 * JGraphT.
 */
class ClusteringTest {

  @Test
  void karateClubMatchesNetworkx() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    assertThat(Clustering.average(karate)).isEqualTo(0.5706384782076823);
    assertThat(Clustering.transitivity(karate)).isEqualTo(0.2556818181818182);
    double[] local = Clustering.local(karate);
    assertThat(local[0]).isEqualTo(0.15);
    assertThat(local[2]).isEqualTo(0.24444444444444444);
    assertThat(local[33]).isEqualTo(0.11029411764705882);
    assertThat(local[11]).isZero(); // degree 1
  }

  @Test
  void wattsStrogatz10MatchesNetworkx() {
    UndirectedGraph g = NamedGraphs.wattsStrogatz10();
    assertThat(Clustering.average(g)).isEqualTo(0.43000000000000005);
    assertThat(Clustering.transitivity(g)).isEqualTo(0.42857142857142855);
    assertThat(Clustering.local(g))
        .containsExactly(
            0.5, 0.4666666666666667, 1 / 3.0, 1.0, 1 / 3.0, 0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 2 / 3.0);
  }

  @Test
  void petersenAndTheCubeHaveNoTriangles() {
    assertThat(Clustering.average(NamedGraphs.petersen())).isZero();
    assertThat(Clustering.transitivity(NamedGraphs.cube())).isZero();
    assertThat(Clustering.triangles(NamedGraphs.petersen())).containsOnly(0L);
  }

  @Test
  void completeGraphsAndTheirOneEdgeDeletionMatchNetworkxTests() {
    UndirectedGraph k5 = NamedGraphs.complete(5);
    assertThat(Clustering.average(k5)).isEqualTo(1.0);
    assertThat(Clustering.transitivity(k5)).isEqualTo(1.0);
    assertThat(Clustering.triangles(k5)).containsOnly(6L);

    UndirectedGraph less = UndirectedGraph.fromAdjacencyMatrix(withoutEdge(k5, 1, 2));
    assertThat(Clustering.local(less)).containsExactly(5 / 6.0, 1, 1, 5 / 6.0, 5 / 6.0);
    assertThat(Clustering.transitivity(less)).isEqualTo(0.875);
    assertThat(Clustering.triangles(less)).containsExactly(5L, 3L, 3L, 5L, 5L);
  }

  @Test
  void aTriangleWithATailAveragesZerosIn() {
    UndirectedGraph g = UndirectedGraph.fromPairs(4, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
    assertThat(Clustering.average(g)).isEqualTo((1 + 1 + 1 / 3.0) / 4);
  }

  @Test
  void selfLoopsChangeNothing() {
    UndirectedGraph g = NamedGraphs.wattsStrogatz16();
    assertThat(Clustering.average(g.withSelfLoops())).isEqualTo(Clustering.average(g));
    assertThat(Clustering.average(g)).isEqualTo(0.39999999999999997);
    assertThat(Clustering.transitivity(g.withSelfLoops())).isEqualTo(0.39);
  }

  @ParameterizedTest(name = "n={0}, k={1}")
  @CsvSource({"64,4", "64,8", "30,6", "100,10", "13,8"})
  void ringLatticesHaveTheClosedFormClustering(int n, int k) {
    UndirectedGraph lattice = RingLattice.of(n, k);
    double closedForm = 3.0 * (k - 2) / (4.0 * (k - 1));
    assertThat(Clustering.average(lattice)).isCloseTo(closedForm, within(1e-12));
    assertThat(Clustering.transitivity(lattice)).isCloseTo(closedForm, within(1e-12));
  }

  @Test
  void ringLatticeValuesMatchNetworkx() {
    assertThat(Clustering.transitivity(RingLattice.of(64, 8))).isEqualTo(0.6428571428571429);
    assertThat(Clustering.average(RingLattice.of(64, 8)))
        .isCloseTo(0.6428571428571433, within(1e-15));
    assertThat(Clustering.average(RingLattice.of(64, 4))).isEqualTo(0.5);
  }

  @Test
  void agreesWithJGraphTOnRandomGraphs() {
    for (int seed = 0; seed < 20; seed++) {
      UndirectedGraph g =
          seed % 2 == 0
              ? ErdosRenyi.gnp(40 + seed, 0.15, seed)
              : WattsStrogatz.generate(50 + seed, 6, 0.2, seed);
      ClusteringCoefficient<Integer, ?> oracle = new ClusteringCoefficient<>(JGraphT.of(g));
      assertThat(Clustering.average(g))
          .as("seed %d", seed)
          .isCloseTo(oracle.getAverageClusteringCoefficient(), within(1e-12));
      assertThat(Clustering.transitivity(g))
          .isCloseTo(oracle.getGlobalClusteringCoefficient(), within(1e-12));
      double[] local = Clustering.local(g);
      for (int v = 0; v < g.nodeCount(); v++) {
        assertThat(local[v]).isCloseTo(oracle.getVertexScore(v), within(1e-12));
      }
    }
  }

  @Test
  void theAverageOfNoNodesIsAnErrorAndTheTransitivityIsZero() {
    assertThatThrownBy(() -> Clustering.average(UndirectedGraph.empty(0)))
        .hasMessageContaining("no nodes (n=0)");
    assertThat(Clustering.transitivity(UndirectedGraph.empty(0))).isZero();
  }

  static boolean[][] withoutEdge(UndirectedGraph g, int u, int v) {
    boolean[][] a = g.adjacencyMatrix();
    a[u][v] = false;
    a[v][u] = false;
    return a;
  }
}
