package dev.prunus.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.data.ImageSet;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.testing.SyntheticImages;
import org.junit.jupiter.api.Test;

class DivergenceTest {
  /** A loss that becomes NaN or infinite stops the run with the epoch and step where it happened. */
  @Test
  void aDivergingRunStopsNamingEpochAndStep() {
    ImageSet data = SyntheticImages.bars(256, 10, 1, 28, 1);
    Architecture arch = ModelId.LENET_300_100.build();
    TrainingConfig cfg = new TrainingConfig(3, 32, new OptimizerConfig.Sgd(1e6, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 1, false);
    assertThatThrownBy(() -> new Trainer(cfg, TrainingListener.NONE)
            .train(new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 1)), data, data, null))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageMatching("training diverged: loss is (NaN|Infinity) at epoch 1, step \\d+; lower the learning rate.*");
  }
}
