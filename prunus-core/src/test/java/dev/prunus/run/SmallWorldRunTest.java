package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Small-World check on a small scale: LeNet-5-Caffe masked at 5% before training, trained with
 * the mask fixed, then (phase 3) magnitude-pruned in proportion to 2.3% and fine-tuned.
 */
class SmallWorldRunTest {
  private static final Dataset DATA = new Dataset(DatasetId.FASHION_MNIST, SyntheticImages.bars(160, 10, 1, 28, 1),
      SyntheticImages.bars(40, 10, 1, 28, 2), "0".repeat(64), "synthetic");

  private static PruneRunConfig config(double density, Schedule.FinalPhase finalPrune) {
    TrainingConfig training = new TrainingConfig(1, 32, new OptimizerConfig.Sgd(0.05, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 5, false);
    return new PruneRunConfig("small-world", Map.of("sigma-references", "3", "sigma-swaps", "20"), density,
        ScheduleKind.AT_INIT, 1, false, 3, false,
        new TrainingRunConfig(ModelId.LENET5_CAFFE, 1, List.of(), DatasetId.FASHION_MNIST, 0.1, training), null, false,
        finalPrune);
  }

  @Test
  void trainsWithTheMaskFixedThenPrunesInProportionToTheFinalDensity(@TempDir Path tmp) {
    JsonNode m = PruneRun.execute(config(0.05, new Schedule.FinalPhase(0.023, 1)), tmp.resolve("sw"),
        List.of("test"), MethodRegistry.standard(), id -> DATA, TrainingListener.NONE).metrics();

    JsonNode rounds = m.at("/pruning/rounds");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(0).get("density").asDouble()).isCloseTo(0.05, Offset.offset(1e-5));
    assertThat(rounds.get(1).get("phase").asText()).contains("final");
    assertThat(m.at("/params/density").asDouble()).isCloseTo(0.023, Offset.offset(1e-5));
    assertThat(m.at("/pruning/final_density").asDouble()).isEqualTo(0.023);
    assertThat(m.get("history")).as("one epoch of training, one of fine-tuning").hasSize(2);
    JsonNode d = m.at("/pruning/details");
    assertThat(d.get("sigma").asDouble()).isGreaterThan(1);
    assertThat(d.get("params_density").asDouble()).isCloseTo(0.05, Offset.offset(1e-5));

    // the layer profile survives: each layer keeps about the same share (0.023 of params less the biases, over
    // the weights it had) of the weights it kept after training
    JsonNode before = rounds.get(0).get("layer_density");
    JsonNode after = rounds.get(1).get("layer_density");
    double share = after.get("fc1").asDouble() / before.get("fc1").asDouble();
    assertThat(after.get("conv2").asDouble() / before.get("conv2").asDouble()).isCloseTo(share, Offset.offset(0.02));

    Model trained = ModelFile.read(tmp.resolve("sw").resolve("model.prunus"));
    for (var e : trained.masks().byParameter().entrySet()) {
      Mask mask = e.getValue();
      float[] w = trained.weights().get(e.getKey()).data();
      for (int i = 0; i < w.length; i++) {
        if (!mask.keep()[i]) {
          assertThat(w[i]).as("%s[%d] stays pruned", e.getKey(), i).isZero();
        }
      }
    }
  }

  @Test
  void aDensityTheBudgetCannotMeetIsRefusedBeforeTheRunDirectoryIsWritten(@TempDir Path tmp) {
    assertThatThrownBy(() -> PruneRun.execute(config(0.001, null), tmp.resolve("x"), List.of("test"),
        MethodRegistry.standard(), id -> DATA, TrainingListener.NONE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("the smallest density is");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void aFinalDensityAboveTheRunsOwnIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> config(0.023, new Schedule.FinalPhase(0.05, 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be below density=0.023");
  }
}
