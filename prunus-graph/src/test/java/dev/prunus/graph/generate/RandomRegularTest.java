package dev.prunus.graph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.UndirectedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomRegularTest {

  @ParameterizedTest(name = "n={0}, k={1}")
  @CsvSource({"64,4", "10,3", "100,7", "8,7", "50,0", "1000,6"})
  void everyNodeHasDegreeKWithoutLoopsOrDuplicates(int n, int k) {
    UndirectedGraph g = RandomRegular.generate(n, k, 42);
    assertThat(g.degrees()).containsOnly(k);
    assertThat(g.edgeCount()).isEqualTo(n * k / 2);
    assertThat(g.selfLoopCount()).isZero();
  }

  @Test
  void theConnectedVariantIsConnectedEvenForDegreeTwo() {
    UndirectedGraph g = RandomRegular.connected(64, 2, 5);
    assertThat(Connectivity.isConnected(g)).isTrue();
    assertThat(g.degrees()).containsOnly(2);
    assertThat(Connectivity.isConnected(RandomRegular.connected(64, 4, 5))).isTrue();
  }

  @Test
  void theSameSeedGivesTheSameGraph() {
    assertThat(RandomRegular.generate(64, 4, 3)).isEqualTo(RandomRegular.generate(64, 4, 3));
    assertThat(RandomRegular.generate(64, 4, 3)).isNotEqualTo(RandomRegular.generate(64, 4, 4));
  }

  @Test
  void impossibleDegreesAreRejected() {
    assertThatThrownBy(() -> RandomRegular.generate(5, 3, 1))
        .hasMessageContaining("n*k = 5*3 must be even");
    assertThatThrownBy(() -> RandomRegular.generate(5, 5, 1))
        .hasMessageContaining("k=5 must be in [0, n)");
    assertThatThrownBy(() -> RandomRegular.connected(6, 1, 1))
        .hasMessageContaining("k=1 cannot connect n=6");
  }
}
