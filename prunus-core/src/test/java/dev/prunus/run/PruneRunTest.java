package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PlanFile;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneRunTest {
  private static final Dataset DATA = new Dataset(DatasetId.MNIST_SAMPLE,
      SyntheticImages.bars(400, 10, 1, 28, 1), SyntheticImages.bars(100, 10, 1, 28, 2), "0".repeat(64), "synthetic");
  private static final Function<DatasetRef, Dataset> LOADER = id -> DATA;
  @TempDir static Path tmp;
  static Path parent;

  private static TrainingConfig training(int epochs) {
    return new TrainingConfig(epochs, 32, new OptimizerConfig.Sgd(0.02, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 7, false);
  }

  private static TrainingRunConfig runConfig(int epochs) {
    return new TrainingRunConfig(ModelId.LENET_300_100, 0.5, List.of(), DatasetId.MNIST_SAMPLE, 0.1, training(epochs));
  }

  @BeforeAll
  static void trainParent() {
    parent = tmp.resolve("parent");
    TrainingRun.start(runConfig(1), parent, List.of(), LOADER, TrainingListener.NONE);
  }

  private static JsonNode prune(String method, Map<String, String> options, ScheduleKind schedule, int rounds,
      boolean rewind, int epochs, String out) {
    PruneRunConfig c = new PruneRunConfig(method, options, 0.2, schedule, rounds, rewind, 3,
        method.equals("l1-structured"), runConfig(epochs),
        schedule == ScheduleKind.AT_INIT ? null : parent.toString());
    return PruneRun.execute(c, tmp.resolve(out), List.of("test"), MethodRegistry.standard(), LOADER,
        TrainingListener.NONE).metrics();
  }

  /** A one-shot run records its parent, method and options, and its saved plan replays onto the parent. */
  @Test
  void oneShotRecordsItsParentAndItsPlanReplays() {
    JsonNode m = prune("magnitude", Map.of("scope", "layer"), ScheduleKind.ONE_SHOT, 1, false, 0, "one-shot");
    assertThat(m.get("method").asText()).isEqualTo("magnitude");
    assertThat(m.get("parent_run").asText()).isEqualTo(parent.toString());
    assertThat(m.at("/pruning/options/scope").asText()).isEqualTo("layer");
    assertThat(m.at("/params/density").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
    assertThat(m.at("/params/dense_total").asLong()).as("uncompacted: its own shape is the dense one")
        .isEqualTo(m.at("/params/total").asLong());
    assertThat(m.at("/params/density_vs_dense").asDouble()).isEqualTo(m.at("/params/density").asDouble());
    assertThat(m.at("/flops/dense_total").asLong()).isEqualTo(m.at("/flops/dense").asLong());
    Model replayed = MaskApplier.apply(ModelFile.read(parent.resolve(RunDirectory.MODEL)),
        PlanFile.read(tmp.resolve("one-shot").resolve(RunDirectory.PLAN)));
    assertThat(replayed.weights()).isEqualTo(ModelFile.read(tmp.resolve("one-shot").resolve(RunDirectory.MODEL)).weights());
    Provenance p = Provenance.read(tmp.resolve("one-shot").resolve(RunDirectory.PROVENANCE));
    assertThat(p.parentRun()).isEqualTo(parent.toString());
    assertThat(p.kind()).isEqualTo("prune");
  }

  /** Iterative rounds fall geometrically to the target; rewinding resets survivors to the initial weights. */
  @Test
  void iterativeRoundsShrinkAndRewindRestoresInitialWeights() {
    JsonNode m = prune("magnitude", Map.of(), ScheduleKind.ITERATIVE, 3, true, 0, "iterative");
    JsonNode rounds = m.at("/pruning/rounds");
    assertThat(rounds).hasSize(3);
    double prev = 1;
    for (JsonNode r : rounds) {
      assertThat(r.get("density").asDouble()).isLessThan(prev);
      prev = r.get("density").asDouble();
    }
    assertThat(rounds.get(0).get("target_density").asDouble()).isCloseTo(Math.pow(0.2, 1.0 / 3), org.assertj.core.data.Offset.offset(1e-9));
    Model pruned = ModelFile.read(tmp.resolve("iterative").resolve(RunDirectory.MODEL));
    Model initial = ModelFile.read(parent.resolve(RunDirectory.INITIAL));
    assertThat(pruned.weights()).isEqualTo(pruned.masks().apply(initial.weights()));
  }

  /** At init, the plan is made on fresh weights and the model is then trained with the mask fixed. */
  @Test
  void atInitTrainsFromScratchWithTheMaskFixed() {
    JsonNode m = prune("random", Map.of(), ScheduleKind.AT_INIT, 1, false, 1, "at-init");
    assertThat(m.get("history")).hasSize(1);
    assertThat(m.get("parent_run").isNull()).isTrue();
    assertThat(m.at("/params/density").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
  }

  /** l1-structured then compaction: fewer parameters, the same outputs as the masked model. */
  @Test
  void structuredPruningThenCompactionIsSmallerWithEqualOutputs() {
    JsonNode m = prune("l1-structured", Map.of(), ScheduleKind.ONE_SHOT, 1, false, 0, "l1");
    JsonNode c = m.at("/pruning/compaction");
    assertThat(c.get("params_after").asLong()).isLessThan(c.get("params_before").asLong());
    assertThat(c.get("max_abs_output_difference").asDouble()).isLessThanOrEqualTo(1e-5);
    Model compact = ModelFile.read(tmp.resolve("l1").resolve(RunDirectory.MODEL));
    Model parentModel = ModelFile.read(parent.resolve(RunDirectory.MODEL));
    assertThat(m.at("/params/total").asLong()).isLessThan(
        dev.prunus.measure.ModelCounter.count(parentModel).params());
    assertThat(compact.architecture().prunableLayers().get(0).outputUnits())
        .isLessThan(parentModel.architecture().prunableLayers().get(0).outputUnits());
  }

  /**
   * A compacted run's metrics.json compares it with the dense architecture it was pruned from, not with
   * its own smaller shape: dense total, density and compression against the parent's count.
   */
  @Test
  void aCompactedRunsDensityIsAgainstTheDenseArchitecture() throws Exception {
    prune("l1-structured", Map.of(), ScheduleKind.ONE_SHOT, 1, false, 0, "l1-dense-reference");
    JsonNode m = Json.MAPPER.readTree(tmp.resolve("l1-dense-reference").resolve(RunDirectory.METRICS).toFile());
    dev.prunus.measure.ModelCount dense = dev.prunus.measure.ModelCounter.count(
        ModelFile.read(parent.resolve(RunDirectory.MODEL)));
    long nonzero = m.at("/params/nonzero").asLong();
    long total = m.at("/params/total").asLong();
    assertThat(total).isLessThan(dense.params());
    assertThat(m.at("/params/dense_total").asLong()).isEqualTo(dense.params())
        .isEqualTo(m.at("/pruning/compaction/params_before").asLong());
    assertThat(m.at("/params/density").asDouble()).as("against its own shape").isEqualTo((double) nonzero / total);
    assertThat(m.at("/params/density_vs_dense").asDouble()).isEqualTo((double) nonzero / dense.params())
        .isLessThan(0.5 * m.at("/params/density").asDouble());
    assertThat(m.at("/params/compression").asDouble()).isEqualTo((double) dense.params() / nonzero);
    assertThat(m.at("/flops/dense_total").asLong()).isEqualTo(dense.denseFlops())
        .isGreaterThan(m.at("/flops/dense").asLong());
  }

  @Test
  void aScheduleThatNeedsAParentSaysSo() {
    assertThatThrownBy(() -> new PruneRunConfig("magnitude", Map.of(), 0.5, ScheduleKind.ONE_SHOT, 1, false, 1,
        false, runConfig(1), null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("parentRun=RUN");
  }
}
