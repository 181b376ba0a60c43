package dev.prunus.graph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.Clustering;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceGraphsTest {

  @Test
  void aRandomReferenceKeepsDegreesAndConnectivityAndLosesClustering() {
    UndirectedGraph lattice = RingLattice.of(100, 6);
    UndirectedGraph reference = RandomReference.generate(lattice, 10, true, 1);

    assertThat(reference.degrees()).containsExactly(lattice.degrees());
    assertThat(Connectivity.isConnected(reference)).isTrue();
    // lattice 0.6; a random 6-regular graph on 100 nodes about k/n = 0.06
    assertThat(Clustering.average(reference)).isLessThan(0.15);
  }

  @Test
  void aLatticeReferenceKeepsDegreesAndGainsClustering() {
    UndirectedGraph random = RandomRegular.connected(100, 6, 2);
    for (LatticeReference.Rule rule : LatticeReference.Rule.values()) {
      UndirectedGraph lattice =
          LatticeReference.generate(random, 10, true, rule, new SplittableRandom(3));
      assertThat(lattice.degrees()).as("%s", rule).containsExactly(random.degrees());
      assertThat(Connectivity.isConnected(lattice)).isTrue();
      assertThat(Clustering.average(lattice)).isGreaterThan(Clustering.average(random) + 0.15);
    }
  }

  @Test
  void theSameSeedGivesTheSameReference() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    assertThat(RandomReference.generate(karate, 5, true, 9))
        .isEqualTo(RandomReference.generate(karate, 5, true, 9));
    assertThat(LatticeReference.generate(karate, 5, true, 9))
        .isEqualTo(LatticeReference.generate(karate, 5, true, 9));
  }

  @Test
  void withoutConnectivityTheReferenceMayFallApartButKeepsDegrees() {
    UndirectedGraph cycle = RingLattice.of(40, 2);
    UndirectedGraph reference = RandomReference.generate(cycle, 20, false, 4);
    assertThat(reference.degrees()).containsOnly(2);
  }

  @Test
  void aStarCannotBeRewiredButDoesNotHang() {
    UndirectedGraph star = NamedGraphs.star(6);
    assertThat(RandomReference.generate(star, 2, true, 1)).isEqualTo(star);
  }

  @Test
  void tooSmallGraphsAreRejectedAsInNetworkx() {
    assertThatThrownBy(() -> RandomReference.generate(NamedGraphs.path(3), 1, true, 1))
        .hasMessageContaining("n=3 nodes but a double-edge swap needs at least 4");
    assertThatThrownBy(
            () -> LatticeReference.generate(NamedGraphs.path(2).withSelfLoops(), 1, true, 1))
        .hasMessageContaining("at least 4");
    assertThatThrownBy(
            () ->
                RandomReference.generate(
                    UndirectedGraph.fromPairs(5, new int[][] {{0, 1}}), 1, true, 1))
        .hasMessageContaining("1 edges but a double-edge swap needs at least 2");
  }

  @Test
  void ringDistanceWrapsAround() {
    assertThat(LatticeReference.ring(1, 9, 10)).isEqualTo(2);
    assertThat(LatticeReference.ring(3, 5, 10)).isEqualTo(2);
  }
}
