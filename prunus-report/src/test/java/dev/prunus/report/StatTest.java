package dev.prunus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatTest {
  /** Sample standard deviation (n - 1), as numpy's std(ddof=1): [0.90, 0.92, 0.94] has std 0.02. */
  @Test
  void meanAndSampleStandardDeviation() {
    Stat s = Stat.of(0.90, 0.92, 0.94);
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isCloseTo(0.92, within(1e-12));
    assertThat(s.std()).isCloseTo(0.02, within(1e-12));
    assertThat(s.format(4)).isEqualTo("0.9200 ± 0.0200");
  }

  @Test
  void oneValueHasNoSpreadAndMissingValuesAreLeftOut() {
    assertThat(Stat.of(0.5).format(3)).isEqualTo("0.500");
    assertThat(Stat.of(0.5, Double.NaN, 0.7).n()).isEqualTo(2);
    assertThat(Stat.of(Double.NaN).format(3)).isEmpty();
  }
}
