package dev.prunus.graph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.UndirectedGraph;
import org.junit.jupiter.api.Test;

class RingLatticeTest {

  @Test
  void everyNodeIsLinkedToItsNearestNeighboursOnBothSides() {
    UndirectedGraph g = RingLattice.of(10, 4);
    assertThat(g.edgeCount()).isEqualTo(20);
    assertThat(g.neighbours(0)).containsExactly(1, 2, 8, 9);
    assertThat(g.neighbours(5)).containsExactly(3, 4, 6, 7);
    assertThat(g.isRegular()).isTrue();
  }

  @Test
  void degreeZeroIsTheEmptyGraph() {
    assertThat(RingLattice.of(5, 0)).isEqualTo(UndirectedGraph.empty(5));
  }

  @Test
  void oddOrTooLargeDegreesAreRejectedNamingBothValues() {
    assertThatThrownBy(() -> RingLattice.of(64, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("degree k=5 must be even and below n=64");
    assertThatThrownBy(() -> RingLattice.of(8, 8))
        .hasMessageContaining("k=8 must be even and below n=8");
    assertThatThrownBy(() -> RingLattice.of(0, 0)).hasMessageContaining("n=0 must be at least 1");
  }
}
