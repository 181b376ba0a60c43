package dev.prunus.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MutableGraphTest {

  @Test
  void addingAndRemovingKeepsBothViewsInStep() {
    MutableGraph g = MutableGraph.empty(70);
    g.addEdge(0, 69).addEdge(0, 1).addEdge(1, 69);
    g.removeEdge(69, 0);

    assertThat(g.hasEdge(0, 69)).isFalse();
    assertThat(g.degree(0)).isEqualTo(1);
    assertThat(g.neighbour(0, 0)).isEqualTo(1);
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.toGraph()).isEqualTo(UndirectedGraph.fromPairs(70, new int[][] {{0, 1}, {1, 69}}));
  }

  @Test
  void aCopyDropsSelfLoopsAndLeavesTheOriginalAlone() {
    UndirectedGraph original = NamedGraphs.petersen().withSelfLoops();
    MutableGraph g = MutableGraph.copyOf(original);
    g.removeEdge(0, 1);

    assertThat(original.hasEdge(0, 1)).isTrue();
    assertThat(g.toGraph().selfLoopCount()).isZero();
    assertThat(g.edgeCount()).isEqualTo(14);
  }

  @Test
  void selfLoopsMultiEdgesAndMissingEdgesAreRejected() {
    MutableGraph g = MutableGraph.empty(3).addEdge(0, 1);
    assertThatThrownBy(() -> g.addEdge(2, 2)).hasMessageContaining("(2, 2) is a self-loop");
    assertThatThrownBy(() -> g.addEdge(1, 0)).hasMessageContaining("already present");
    assertThatThrownBy(() -> g.removeEdge(1, 2)).hasMessageContaining("(1, 2) is absent");
    assertThatThrownBy(() -> g.neighbour(2, 0)).hasMessageContaining("must be in [0, 0)");
  }

  @Test
  void aSwapMovesTwoEdgesAndItsInverseRestoresThem() {
    MutableGraph g = MutableGraph.copyOf(NamedGraphs.path(4));
    DoubleEdgeSwap swap = new DoubleEdgeSwap(0, 1, 3, 2);

    swap.applyTo(g);
    assertThat(g.toGraph())
        .isEqualTo(UndirectedGraph.fromPairs(4, new int[][] {{0, 2}, {1, 2}, {1, 3}}));
    swap.inverse().applyTo(g);
    assertThat(g.toGraph()).isEqualTo(NamedGraphs.path(4));
  }

  @Test
  void aSwapThatWouldMakeALoopOrADuplicateDoesNotApply() {
    MutableGraph g = MutableGraph.copyOf(NamedGraphs.complete(4));
    assertThat(new DoubleEdgeSwap(0, 1, 2, 3).isApplicableTo(g)).isFalse();
    assertThat(new DoubleEdgeSwap(0, 1, 1, 2).isApplicableTo(g)).isFalse();
    assertThatThrownBy(() -> new DoubleEdgeSwap(0, 1, 2, 3).applyTo(g))
        .hasMessageContaining("does not apply");
  }

  @Test
  void aSwapThatWouldDisconnectTheGraphIsUndone() {
    UndirectedGraph hexagon =
        UndirectedGraph.fromPairs(6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}});
    MutableGraph g = MutableGraph.copyOf(hexagon);

    // 0-1, 3-4 -> 0-4, 3-1 splits the hexagon into two triangles: refused, nothing changes
    assertThat(new DoubleEdgeSwap(0, 1, 3, 4).applyKeepingConnected(g)).isFalse();
    assertThat(g.toGraph()).isEqualTo(hexagon);
    // 0-1, 4-3 -> 0-3, 4-1 makes another hexagon: made
    assertThat(new DoubleEdgeSwap(0, 1, 4, 3).applyKeepingConnected(g)).isTrue();
    assertThat(Connectivity.isConnected(g.toGraph())).isTrue();
    assertThat(g.hasEdge(0, 3)).isTrue();
  }

  @Test
  void proposalsAreEmptyWhenAChosenNodeIsIsolated() {
    MutableGraph g = MutableGraph.empty(4);
    assertThat(DoubleEdgeSwap.propose(g, new SplittableRandom(1))).isEmpty();
    assertThat(DoubleEdgeSwap.propose(MutableGraph.empty(0), new SplittableRandom(1))).isEmpty();
  }
}
