package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.RingLattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ASPL and global efficiency against networkx's numbers (known values, networkx docstrings, values
 * printed by networkx 3.6.1 with src/test/python/networkx_fixtures.py) and closed forms.
 */
class PathLengthTest {

  @Test
  void karateClubMatchesNetworkx() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    assertThat(Aspl.of(karate)).isEqualTo(2.408199643493761);
    assertThat(GlobalEfficiency.of(karate)).isCloseTo(0.49200831847890586, within(1e-15));
    assertThat(DistanceHistogram.of(karate).diameter()).isEqualTo(5);
  }

  @Test
  void petersenGraphHasAspl5Over3AndEfficiency2Over3() {
    // every node: 3 neighbours at distance 1, 6 nodes at distance 2
    UndirectedGraph petersen = NamedGraphs.petersen();
    assertThat(Aspl.of(petersen)).isEqualTo(15 / 9.0);
    assertThat(GlobalEfficiency.of(petersen)).isCloseTo(2 / 3.0, within(1e-15));
    assertThat(DistanceHistogram.of(petersen).pairsAtDistance(2)).isEqualTo(60);
  }

  @Test
  void wattsStrogatzFixturesMatchNetworkx() {
    assertThat(Aspl.of(NamedGraphs.wattsStrogatz10())).isEqualTo(1.6222222222222222);
    assertThat(GlobalEfficiency.of(NamedGraphs.wattsStrogatz10()))
        .isCloseTo(0.7111111111111111, within(1e-15));
    UndirectedGraph looped = NamedGraphs.wattsStrogatz16().withSelfLoops();
    assertThat(Aspl.of(looped)).isEqualTo(2.175);
    assertThat(GlobalEfficiency.of(looped)).isCloseTo(0.5659722222222217, within(1e-14));
    assertThat(Aspl.of(NamedGraphs.layered())).isEqualTo(2.272727272727273);
    assertThat(GlobalEfficiency.of(NamedGraphs.layered()))
        .isCloseTo(0.5467171717171717, within(1e-15));
  }

  @Test
  void networkxDocstringExamples() {
    assertThat(Aspl.of(NamedGraphs.path(5))).isEqualTo(2.0);
    UndirectedGraph g =
        UndirectedGraph.fromPairs(4, new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}});
    assertThat(GlobalEfficiency.of(g)).isCloseTo(0.9166666666666667, within(1e-15));
  }

  @ParameterizedTest(name = "n={0}, k={1}")
  @CsvSource({"64,4", "64,8", "65,4", "100,6", "9,2"})
  void ringLatticesHaveTheClosedFormAspl(int n, int k) {
    long sum = 0;
    for (int j = 1; j < n; j++) {
      int around = Math.min(j, n - j);
      sum += (around + k / 2 - 1) / (k / 2);
    }
    assertThat(Aspl.of(RingLattice.of(n, k))).isEqualTo(sum / (double) (n - 1));
  }

  @Test
  void ringLatticeValuesOfMethodsB13() {
    assertThat(Aspl.of(RingLattice.of(64, 4))).isEqualTo(528 / 63.0).isEqualTo(8.380952380952381);
    assertThat(Aspl.of(RingLattice.of(64, 8))).isEqualTo(280 / 63.0).isEqualTo(4.444444444444445);
  }

  @Test
  void disconnectedAndEmptyGraphsFollowNetworkx() {
    UndirectedGraph split = UndirectedGraph.fromPairs(4, new int[][] {{0, 1}, {2, 3}});
    assertThatThrownBy(() -> Aspl.of(split))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not connected (8 of 12 ordered pairs have no path)")
        .hasMessageContaining("use the global efficiency");
    assertThat(GlobalEfficiency.of(split)).isEqualTo(4 / 12.0);
    assertThat(Aspl.of(UndirectedGraph.empty(1))).isZero();
    assertThat(GlobalEfficiency.of(UndirectedGraph.empty(1))).isZero();
    assertThatThrownBy(() -> Aspl.of(UndirectedGraph.empty(0))).hasMessageContaining("n=0");
  }
}
