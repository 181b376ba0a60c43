package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NNrelief's iterative loop (METHODS.md B.2.6) through {@link PruneRun}: alpha-driven rounds and their records. */
class ReliefRunTest {
  @TempDir Path tmp;

  private static TrainingRunConfig runConfig(ModelId model, int channels, int epochs) {
    TrainingConfig t = new TrainingConfig(epochs, 32, new OptimizerConfig.Adam(1e-3, 0.9, 0.999, 1e-8, 5e-4),
        new LearningRateSchedule.Constant(), 7, false);
    return new TrainingRunConfig(model, 0.25, List.of(), channels == 1 ? DatasetId.MNIST_SAMPLE : DatasetId.CIFAR10, 0.1, t);
  }

  private JsonNode run(ModelId model, int channels, int side, int iterations, boolean rewind, int epochs) {
    Dataset data = new Dataset(channels == 1 ? DatasetId.MNIST_SAMPLE : DatasetId.CIFAR10,
        SyntheticImages.bars(300, 10, channels, side, 1), SyntheticImages.bars(100, 10, channels, side, 2),
        "0".repeat(64), "synthetic");
    Function<DatasetRef, Dataset> loader = id -> data;
    Path parent = tmp.resolve("parent");
    TrainingRun.start(runConfig(model, channels, 1), parent, List.of(), loader, TrainingListener.NONE);
    PruneRunConfig c = new PruneRunConfig("relief", Map.of("prune-set-size", "100"), 1, ScheduleKind.ITERATIVE,
        iterations, rewind, 3, false, runConfig(model, channels, epochs), parent.toString(), true);
    return PruneRun.execute(c, tmp.resolve("relief"), List.of("test"), MethodRegistry.standard(), loader,
        TrainingListener.NONE).metrics();
  }

  /**
   * Each iteration prunes further (the density is an outcome, no target is recorded), keeps the best
   * validation epoch, and records density per layer, accuracies, structured FLOPs and the pass's details.
   */
  @Test
  void iterationsShrinkTheDensityAndRecordEachRound() {
    JsonNode m = run(ModelId.LENET_300_100, 1, 28, 3, true, 2);
    JsonNode rounds = m.at("/pruning/rounds");
    assertThat(m.at("/pruning/target_density").isNull()).isTrue();
    assertThat(m.at("/pruning/checkpoint").asText()).isEqualTo("best validation accuracy");
    assertThat(rounds.size()).isEqualTo(3);
    double previous = 1;
    for (JsonNode r : rounds) {
      assertThat(r.get("density").asDouble()).isLessThan(previous);
      previous = r.get("density").asDouble();
      assertThat(r.get("best_epoch").asInt()).isBetween(1, 2);
      assertThat(r.at("/layer_density/fc1").asDouble()).isBetween(0.0, 1.0);
      assertThat(r.has("test_accuracy")).isTrue();
      assertThat(r.get("structured_flops").asLong()).isPositive();
      assertThat(r.at("/details/alpha_fc").asDouble()).isEqualTo(0.95);
    }
    assertThat(m.at("/params/density").asDouble()).isEqualTo(previous);
  }

  /** A ResNet-20 run records each block's shortcut mask per round; masks only shrink across rounds. */
  @Test
  void aResNetRunRecordsItsShortcutMasks() {
    JsonNode m = run(ModelId.RESNET20, 3, 32, 2, false, 0);
    JsonNode first = m.at("/pruning/rounds/0/shortcut_masks");
    JsonNode second = m.at("/pruning/rounds/1/shortcut_masks");
    assertThat(first.size()).isEqualTo(9);
    assertThat(first.get("layer2.0.shortcut_mask").size()).isEqualTo(8); // 32 channels at width 0.25
    // option A pads 2 channels before and 2 after the 4 it carries: the padded ones carry nothing and close
    JsonNode pad = first.get("layer2.0.shortcut_mask");
    assertThat(List.of(pad.get(0).asInt(), pad.get(1).asInt(), pad.get(6).asInt(), pad.get(7).asInt()))
        .containsOnly(0);
    first.fieldNames().forEachRemaining(block -> {
      for (int c = 0; c < first.get(block).size(); c++) {
        assertThat(second.get(block).get(c).asInt()).isLessThanOrEqualTo(first.get(block).get(c).asInt());
      }
    });
    Model saved = dev.prunus.io.ModelFile.read(tmp.resolve("relief").resolve(RunDirectory.MODEL));
    Mask mask = saved.masks().get("layer2.0.shortcut_mask");
    assertThat(mask.keep()[0]).isFalse();
  }
}
