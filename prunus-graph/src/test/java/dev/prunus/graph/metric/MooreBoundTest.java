package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.generate.RingLattice;
import org.junit.jupiter.api.Test;

class MooreBoundTest {

  @Test
  void sixtyFourNodesOfDegreeFourGive180Over63() {
    // 4 at distance 1, 12 at 2, 36 at 3, the remaining 11 at 4
    assertThat(MooreBound.aspl(64, 4)).isEqualTo(180 / 63.0);
    assertThat(MooreBound.aspl(64, 4)).isBetween(2.857, 2.858);
  }

  @Test
  void moorGraphsAttainTheBound() {
    assertThat(Aspl.of(NamedGraphs.petersen())).isEqualTo(MooreBound.aspl(10, 3));
    assertThat(Aspl.of(NamedGraphs.complete(7))).isEqualTo(MooreBound.aspl(7, 6)).isEqualTo(1.0);
    assertThat(Aspl.of(RingLattice.of(64, 2))).isEqualTo(MooreBound.aspl(64, 2));
    assertThat(MooreBound.aspl(2, 1)).isEqualTo(1.0);
  }

  @Test
  void noGraphBeatsTheBound() {
    assertThat(Aspl.of(NamedGraphs.karateClub()))
        .isGreaterThanOrEqualTo(MooreBound.aspl(34, NamedGraphs.karateClub().maxDegree()));
    assertThat(Aspl.of(RingLattice.of(64, 8))).isGreaterThan(MooreBound.aspl(64, 8));
  }

  @Test
  void impossibleArgumentsAreRejected() {
    assertThatThrownBy(() -> MooreBound.aspl(1, 1)).hasMessageContaining("n=1 must be at least 2");
    assertThatThrownBy(() -> MooreBound.aspl(64, 64))
        .hasMessageContaining("k=64 must be in [1, n)");
    assertThatThrownBy(() -> MooreBound.aspl(5, 1)).hasMessageContaining("k=1 cannot connect n=5");
  }
}
