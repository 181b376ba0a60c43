package dev.prunus.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts under masks, against hand counts on LeNet-5 (6-16-120-84). */
class ModelCounterTest {
  private final Architecture arch = ModelId.LENET5.build();
  private final Model dense = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 1));

  @Test
  void aDenseModelCountsEveryParameterEvenZeroBiases() {
    ModelCount c = ModelCounter.count(dense);
    assertThat(c.nonzero()).isEqualTo(c.params()).isEqualTo(61_706);
    assertThat(c.density()).isEqualTo(1.0);
  }

  @Test
  void aDeadFilterAndADeadInputColumnAreCountedByHand() {
    // conv1 loses filter 0 (25 weights); fc1 loses input column 0 (120 weights) and one extra weight
    boolean[] conv1 = Mask.ones(6, 1, 5, 5).keep().clone();
    for (int i = 0; i < 25; i++) {
      conv1[i] = false;
    }
    boolean[] fc1 = Mask.ones(120, 400).keep().clone();
    for (int r = 0; r < 120; r++) {
      fc1[r * 400] = false;
    }
    fc1[1] = false;
    Model m = dense.pruned(new Masks(Map.of(
        "conv1.weight", new Mask(new long[] {6, 1, 5, 5}, conv1),
        "fc1.weight", new Mask(new long[] {120, 400}, fc1))));
    ModelCount c = ModelCounter.count(m);
    LayerCount l1 = c.layers().get(0);
    assertThat(l1.nonzero()).isEqualTo(156 - 25);
    assertThat(l1.maskedFlops()).isEqualTo(125L * 28 * 28);
    assertThat(l1.structuredFlops()).isEqualTo(5L * 1 * 25 * 28 * 28);
    assertThat(l1.liveOutputs()).isEqualTo(5);
    LayerCount f1 = c.layers().get(2);
    assertThat(f1.nonzero()).isEqualTo(48_120 - 121);
    assertThat(f1.maskedFlops()).isEqualTo(48_000 - 121);
    assertThat(f1.structuredFlops()).isEqualTo(120L * 399);
    assertThat(c.nonzero()).isEqualTo(61_706 - 25 - 121);
    assertThat(c.maskedFlops()).isEqualTo(416_520 - 25 * 784 - 121);
    assertThat(c.denseFlops()).isEqualTo(416_520);
  }
}
