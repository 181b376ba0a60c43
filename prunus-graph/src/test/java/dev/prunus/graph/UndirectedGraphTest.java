package dev.prunus.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UndirectedGraphTest {

  @Test
  void anEdgeIsStoredWithItsSmallerNodeFirst() {
    assertThat(new Edge(7, 3)).isEqualTo(new Edge(3, 7));
    assertThat(new Edge(7, 3).u()).isEqualTo(3);
    assertThat(new Edge(3, 7).other(3)).isEqualTo(7);
    assertThatThrownBy(() -> new Edge(4, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(4, 4) is a self-loop");
    assertThatThrownBy(() -> new Edge(-1, 2)).hasMessageContaining("negative node");
  }

  @Test
  void neighboursDegreesAndEdgesAgreeWithTheEdgeList() {
    UndirectedGraph g =
        UndirectedGraph.of(5, List.of(new Edge(0, 1), new Edge(3, 1), new Edge(1, 4)));

    assertThat(g.nodeCount()).isEqualTo(5);
    assertThat(g.edgeCount()).isEqualTo(3);
    assertThat(g.neighbours(1)).containsExactly(0, 3, 4);
    assertThat(g.degrees()).containsExactly(1, 3, 0, 1, 1);
    assertThat(g.hasEdge(4, 1)).isTrue();
    assertThat(g.hasEdge(0, 3)).isFalse();
    assertThat(g.commonNeighbourCount(0, 3)).isEqualTo(1);
    assertThat(g.edges()).containsExactly(new Edge(0, 1), new Edge(1, 3), new Edge(1, 4));
    assertThat(g.maxDegree()).isEqualTo(3);
    assertThat(g.isRegular()).isFalse();
  }

  @Test
  void bitsetRowsSpanSeveralWordsBeyond64Nodes() {
    UndirectedGraph g = UndirectedGraph.fromPairs(130, new int[][] {{0, 129}, {64, 65}, {63, 64}});

    assertThat(g.adjacencyWords(0)).containsExactly(0L, 0L, 2L);
    assertThat(g.neighbours(64)).containsExactly(63, 65);
    assertThat(g.commonNeighbourCount(63, 65)).isEqualTo(1);
    assertThat(g.hasEdge(129, 0)).isTrue();
  }

  @Test
  void selfLoopsAreKeptApartFromEdgesAndDegrees() {
    UndirectedGraph g = UndirectedGraph.fromPairs(3, new int[][] {{0, 1}, {1, 1}});

    assertThat(g.hasSelfLoop(1)).isTrue();
    assertThat(g.hasEdge(1, 1)).isTrue();
    assertThat(g.selfLoopCount()).isEqualTo(1);
    assertThat(g.degree(1)).isEqualTo(1);
    assertThat(g.edgeCount()).isEqualTo(1);
    assertThat(g.neighbours(1)).containsExactly(0);
    assertThat(g.adjacencyMatrix()[1][1]).isTrue();

    UndirectedGraph all = g.withSelfLoops();
    assertThat(all.selfLoopCount()).isEqualTo(3);
    assertThat(all.withoutSelfLoops())
        .isEqualTo(UndirectedGraph.fromPairs(3, new int[][] {{0, 1}}));
  }

  @Test
  void theAdjacencyMatrixRoundTrips() {
    UndirectedGraph g = NamedGraphs.karateClub().withSelfLoops();
    assertThat(UndirectedGraph.fromAdjacencyMatrix(g.adjacencyMatrix())).isEqualTo(g);
  }

  @Test
  void relabellingMovesEdgesAndSelfLoops() {
    UndirectedGraph g = UndirectedGraph.fromPairs(3, new int[][] {{0, 1}, {2, 2}});
    UndirectedGraph r = g.relabel(new int[] {2, 0, 1});

    assertThat(r.hasEdge(2, 0)).isTrue();
    assertThat(r.hasSelfLoop(1)).isTrue();
    assertThat(r.edgeCount()).isEqualTo(1);
  }

  @Test
  void badInputIsRejectedWithTheValueTheRuleAndTheFix() {
    assertThatThrownBy(() -> UndirectedGraph.fromPairs(3, new int[][] {{0, 3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node 3 is outside the graph: nodes are 0..2");
    assertThatThrownBy(() -> UndirectedGraph.fromPairs(3, new int[][] {{0, 1}, {1, 0}}))
        .hasMessageContaining("edge (0, 1) is already present");
    assertThatThrownBy(() -> UndirectedGraph.fromPairs(3, new int[][] {{2, 2}, {2, 2}}))
        .hasMessageContaining("self-loop (2, 2) is already present");
    assertThatThrownBy(() -> UndirectedGraph.fromPairs(3, new int[][] {{0, 1, 2}}))
        .hasMessageContaining("has 3 entries");
    assertThatThrownBy(
            () ->
                UndirectedGraph.fromAdjacencyMatrix(
                    new boolean[][] {{false, true}, {false, false}}))
        .hasMessageContaining("not symmetric: a[0][1]=true but a[1][0]=false");
    assertThatThrownBy(() -> NamedGraphs.path(3).relabel(new int[] {0, 0, 1}))
        .hasMessageContaining("is not a permutation of 0..2");
    assertThatThrownBy(() -> UndirectedGraph.empty(-1)).hasMessageContaining("n=-1");
  }

  @Test
  void equalGraphsAreEqualValues() {
    assertThat(NamedGraphs.petersen()).isEqualTo(NamedGraphs.petersen());
    assertThat(NamedGraphs.petersen().hashCode()).isEqualTo(NamedGraphs.petersen().hashCode());
    assertThat(NamedGraphs.petersen()).isNotEqualTo(NamedGraphs.petersen().withSelfLoops());
    assertThat(NamedGraphs.petersen().toString())
        .isEqualTo("UndirectedGraph(n=10, edges=15, selfLoops=0)");
  }

  @Test
  void theKarateClubFixtureHas78EdgesAndTheKnownDegrees() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    assertThat(karate.edgeCount()).isEqualTo(78);
    assertThat(karate.degree(0)).isEqualTo(16);
    assertThat(karate.degree(33)).isEqualTo(17);
    assertThat(karate.degree(32)).isEqualTo(12);
  }
}
