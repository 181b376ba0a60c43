package dev.prunus.prune.method.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authors' hyper-parameters (METHODS.md B.2.7) and their scaling to short retraining. */
class ReliefPresetTest {
  @Test
  void thePresetsHoldTheAuthorsSettings() {
    assertThat(ReliefPreset.LENET5.methodOptions()).containsEntry("alpha-conv", "0.9").containsEntry("alpha-fc", "0.95");
    assertThat(ReliefPreset.LENET5.rewind()).isTrue();
    assertThat(ReliefPreset.RESNET20.rewind()).isFalse();
    assertThat(ReliefPreset.RESNET20.iterations()).isEqualTo(10);
    assertThat(ReliefPreset.RESNET20.methodOptions()).containsEntry("alpha-fc", "0.99");
    assertThat(ReliefPreset.RESNET20.optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.1, 0.9, false, 5e-4));
    assertThat(ReliefPreset.RESNET56_CIFAR100.methodOptions()).containsEntry("prune-set-size", "2000");
    assertThat(ReliefPreset.VGG_LIKE.iterations()).isEqualTo(6);
  }

  /** 60 epochs with decay at 20 and 40 become 6 with decay at 2 and 4; at 1 epoch no milestone is left. */
  @Test
  void milestonesScaleWithTheRetrainingEpochs() {
    assertThat(ReliefPreset.RESNET20.schedule(60)).isEqualTo(new LearningRateSchedule.MultiStep(List.of(20, 40), 0.1));
    assertThat(ReliefPreset.RESNET20.schedule(6)).isEqualTo(new LearningRateSchedule.MultiStep(List.of(2, 4), 0.1));
    assertThat(ReliefPreset.LENET_300_100.schedule(4)).isEqualTo(new LearningRateSchedule.MultiStep(List.of(2), 0.1));
    assertThat(ReliefPreset.LENET_300_100.schedule(1)).isEqualTo(new LearningRateSchedule.Constant());
  }

  @Test
  void anUnknownPresetListsTheValidOnes() {
    assertThatThrownBy(() -> ReliefPreset.fromName("vgg19")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("vgg19").hasMessageContaining("resnet20");
  }
}
