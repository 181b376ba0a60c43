package dev.prunus.graph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.Edge;
import dev.prunus.graph.UndirectedGraph;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WattsStrogatzTest {

  @Test
  void probabilityZeroIsTheRingLattice() {
    assertThat(WattsStrogatz.generate(40, 6, 0, 1)).isEqualTo(RingLattice.of(40, 6));
  }

  @Test
  void rewiringKeepsTheEdgeCountAndEveryNodesRightHandCount() {
    UndirectedGraph g = WattsStrogatz.generate(200, 8, 0.3, 7);
    assertThat(g.edgeCount()).isEqualTo(200 * 4);
    assertThat(g.selfLoopCount()).isZero();
    int total = 0;
    for (int u = 0; u < 200; u++) {
      total += g.degree(u);
      // a node loses only edges it did not start: the k/2 edges it rewires stay its own
      assertThat(g.degree(u)).isGreaterThanOrEqualTo(4);
    }
    assertThat(total).isEqualTo(1600);
  }

  @Test
  void aboutAFractionPOfTheLatticeEdgesMove() {
    int n = 2000;
    UndirectedGraph g = WattsStrogatz.generate(n, 10, 0.2, 3);
    Set<Edge> lattice = new HashSet<>(RingLattice.of(n, 10).edges());
    long kept = g.edges().stream().filter(lattice::contains).count();
    double moved = 1 - kept / (double) g.edgeCount();
    // binomial(10000, 0.2): standard deviation 0.004; a moved edge can land back on the lattice
    assertThat(moved).isBetween(0.18, 0.215);
  }

  @Test
  void theSameSeedGivesTheSameGraph() {
    assertThat(WattsStrogatz.generate(64, 4, 0.5, 11))
        .isEqualTo(WattsStrogatz.generate(64, 4, 0.5, 11));
    assertThat(WattsStrogatz.generate(64, 4, 0.5, 11))
        .isNotEqualTo(WattsStrogatz.generate(64, 4, 0.5, 12));
  }

  @Test
  void aNodeLinkedToAllOthersIsNotRewired() {
    // n = k + 1 is complete: every rewiring is skipped, as in networkx
    assertThat(WattsStrogatz.generate(7, 6, 1.0, 1)).isEqualTo(RingLattice.of(7, 6));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> WattsStrogatz.generate(64, 5, 0.1, 1))
        .hasMessageContaining("degree k=5 must be even and below n=64");
    assertThatThrownBy(() -> WattsStrogatz.generate(64, 4, 1.5, 1))
        .hasMessageContaining("p=1.5 must be in [0, 1]");
    assertThatThrownBy(() -> WattsStrogatz.generate(64, 4, Double.NaN, 1))
        .hasMessageContaining("p=NaN");
  }
}
