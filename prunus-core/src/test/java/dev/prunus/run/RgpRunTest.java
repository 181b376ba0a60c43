package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RGP check on a small scale: ResNet-20, 16 nodes of degree 4, trained from scratch at init. */
class RgpRunTest {
  @Test
  void resnet20TrainsWithEveryMaskedLayerAtExactlyAQuarter(@TempDir Path tmp) {
    Dataset data = new Dataset(DatasetId.FASHION_MNIST, SyntheticImages.bars(160, 10, 1, 28, 1),
        SyntheticImages.bars(40, 10, 1, 28, 2), "0".repeat(64), "synthetic");
    TrainingConfig training = new TrainingConfig(1, 32, new OptimizerConfig.Sgd(0.05, 0.9, false, 5e-4),
        new LearningRateSchedule.Constant(), 5, false);
    PruneRunConfig c = new PruneRunConfig("rgp", Map.of("nodes", "16", "degree", "4"), 0.25, ScheduleKind.AT_INIT, 1,
        false, 3, false, new TrainingRunConfig(ModelId.RESNET20, 1, List.of(), DatasetId.FASHION_MNIST, 0.1, training),
        null);
    JsonNode m = PruneRun.execute(c, tmp.resolve("rgp"), List.of("test"), MethodRegistry.standard(), id -> data,
        TrainingListener.NONE).metrics();

    assertThat(m.get("history")).hasSize(1);
    JsonNode d = m.at("/pruning/details");
    assertThat(d.get("nodes").asInt()).isEqualTo(16);
    assertThat(d.get("degree").asInt()).isEqualTo(4);
    assertThat(d.get("masked_layers_density").asDouble()).isEqualTo(0.25);
    assertThat(d.get("layer_density")).hasSize(18);
    d.get("layer_density").forEach(v -> assertThat(v.asDouble()).isEqualTo(0.25));
    assertThat(d.get("moore_ratio").asDouble()).isGreaterThanOrEqualTo(1);
    assertThat(d.get("aspl").asDouble()).isGreaterThan(0);
    assertThat(m.at("/params/density").asDouble()).as("the dense first and last layers count too")
        .isGreaterThan(0.25).isLessThan(0.3);

    assertThat(d.at("/aspl_chain/stop_reason").asText()).isIn("step_budget", "climbs_exhausted");
    assertThat(d.at("/aspl_chain/step_limit").asLong()).isEqualTo(1_000_000);
    assertThat(d.at("/aspl_chain/time_limit_s").asDouble()).as("the default").isEqualTo(30.0);

    Model trained = ModelFile.read(tmp.resolve("rgp").resolve("model.prunus"));
    assertThat(trained.masks().byParameter()).hasSize(18);
    for (var e : trained.masks().byParameter().entrySet()) {
      Mask mask = e.getValue();
      assertThat(mask.density()).isEqualTo(0.25);
      float[] w = trained.weights().get(e.getKey()).data();
      for (int i = 0; i < w.length; i++) {
        if (!mask.keep()[i]) {
          assertThat(w[i]).as("%s[%d] stays pruned through training", e.getKey(), i).isZero();
        }
      }
    }
  }

  /** A search stopped by its time limit says so in metrics.json, and its progress reaches the run's listener. */
  @Test
  void theGraphSearchReportsProgressToTheRunAndRecordsTheTimeLimit(@TempDir Path tmp) {
    Dataset data = new Dataset(DatasetId.FASHION_MNIST, SyntheticImages.bars(64, 10, 1, 28, 1),
        SyntheticImages.bars(20, 10, 1, 28, 2), "0".repeat(64), "synthetic");
    TrainingConfig training = new TrainingConfig(1, 32, new OptimizerConfig.Sgd(0.05, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 5, false);
    PruneRunConfig c = new PruneRunConfig("rgp",
        Map.of("nodes", "16", "degree", "4", "aspl-steps", "2000000000", "aspl-time", "1.1"), 0.25,
        ScheduleKind.AT_INIT, 1, false, 3, false,
        new TrainingRunConfig(ModelId.LENET_300_100, 1, List.of(), DatasetId.FASHION_MNIST, 0.1, training), null);
    List<String> lines = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void planProgress(String line) {
        lines.add(line);
      }
    };
    JsonNode m = PruneRun.execute(c, tmp.resolve("rgp"), List.of("test"), MethodRegistry.standard(), id -> data,
        listener).metrics();

    JsonNode chain = m.at("/pruning/details/aspl_chain");
    assertThat(chain.get("stop_reason").asText()).isEqualTo("time_limit");
    assertThat(chain.get("steps_proposed").asLong()).isPositive().isLessThan(2_000_000_000L);
    assertThat(chain.get("time_limit_s").asDouble()).isEqualTo(1.1);
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("rgp: ASPL search: "));
  }
}
