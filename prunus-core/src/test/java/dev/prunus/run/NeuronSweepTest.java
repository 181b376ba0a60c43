package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neuron sweep on a small trained LeNet-300-100 (width 0.5: fc1 784->150, fc2 150->50, fc3 50->10). */
class NeuronSweepTest {
  private static final Dataset DATA = new Dataset(DatasetId.MNIST_SAMPLE,
      SyntheticImages.bars(400, 10, 1, 28, 1), SyntheticImages.bars(100, 10, 1, 28, 2), "0".repeat(64), "synthetic");
  private static final Function<DatasetRef, Dataset> LOADER = id -> DATA;
  @TempDir static Path tmp;
  static Path parent;

  @BeforeAll
  static void trainParent() {
    parent = tmp.resolve("parent");
    TrainingConfig t = new TrainingConfig(1, 32, new OptimizerConfig.Sgd(0.02, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 7, false);
    TrainingRun.start(new TrainingRunConfig(ModelId.LENET_300_100, 0.5, List.of(), DatasetId.MNIST_SAMPLE, 0.1, t),
        parent, List.of(), LOADER, TrainingListener.NONE);
  }

  private static NeuronSweepConfig config(List<Integer> counts) {
    return new NeuronSweepConfig(parent.toString(), "fc1", counts,
        List.of("data-free", "random-neuron", "naive-neuron", "data-free:surgery=false"), 2, 5, true);
  }

  /**
   * Each fc1 neuron removed takes its 784 weights and bias and its 50 outgoing weights: 835 parameters of
   * the dense 784*150+150 + 150*50+50 + 50*10+10 = 125,810. Removing nothing changes nothing.
   */
  @Test
  void tabulatesAccuracyAgainstTheParametersRemoved() throws Exception {
    List<NeuronSweep.Point> seen = new ArrayList<>();
    NeuronSweep.Result r = NeuronSweep.execute(config(List.of(0, 50, 120)), tmp.resolve("sweep"), List.of("test"),
        MethodRegistry.standard(), LOADER, seen::add);
    assertThat(r.denseParams()).isEqualTo(125_810);
    assertThat(r.neurons()).isEqualTo(150);
    // 3 counts x (data-free + 2 random seeds + naive + data-free without surgery), then the auto point
    assertThat(r.points()).hasSize(15);
    assertThat(seen).hasSize(16).last().isEqualTo(r.auto());
    assertThat(r.points()).filteredOn(p -> p.method().equals("data-free:surgery=false")).hasSize(3);
    for (NeuronSweep.Point p : r.points()) {
      assertThat(p.params()).isEqualTo(125_810 - 835L * p.removed());
      assertThat(p.kept()).isEqualTo(150 - p.removed());
      assertThat(p.paramsRemoved()).isCloseTo(835.0 * p.removed() / 125_810, Offset.offset(1e-12));
      if (p.removed() == 0) {
        assertThat(p.testAccuracy()).isEqualTo(r.denseTest());
      }
    }
    assertThat(r.points().stream().filter(p -> p.method().equals("random-neuron")).map(NeuronSweep.Point::seed).distinct())
        .containsExactly(5L, 6L);
    // --auto stops fc1 at the knee of its own curve (and fc2 at its own)
    assertThat(r.auto().removed()).isEqualTo(r.saliency().knee());
    assertThat(r.saliency().saliency()).hasSize(149);

    Path dir = tmp.resolve("sweep");
    assertThat(Files.readAllLines(dir.resolve(NeuronSweep.CSV))).hasSize(17)
        .first().isEqualTo("method,seed,removed,kept,params,params_removed,test_accuracy,validation_accuracy");
    List<String> saliencyRows = Files.readAllLines(dir.resolve(SaliencyCurve.CSV));
    assertThat(saliencyRows).hasSize(150);
    assertThat(saliencyRows.stream().skip(1).filter(row -> row.endsWith(",1")).count())
        .as("the removed column marks the steps up to the knee").isEqualTo(r.saliency().knee()).isPositive();
    assertThat(saliencyRows.get(r.saliency().knee())).endsWith(",1");
    assertThat(saliencyRows.get(r.saliency().knee() + 1)).endsWith(",0");
    JsonNode m = Json.MAPPER.readTree(dir.resolve(RunDirectory.METRICS).toFile());
    assertThat(m.get("dense_test_accuracy").asDouble()).isEqualTo(r.denseTest());
    assertThat(m.at("/auto/test_accuracy_drop").asDouble())
        .isCloseTo(r.denseTest() - r.auto().testAccuracy(), Offset.offset(1e-12));
    assertThat(Provenance.read(dir.resolve(RunDirectory.PROVENANCE)).kind()).isEqualTo("sweep");
  }

  @Test
  void badInputIsRejectedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("never");
    assertThatThrownBy(() -> NeuronSweep.execute(config(List.of(0, 150)), out, List.of(), MethodRegistry.standard(),
        LOADER, p -> { })).isInstanceOf(InvalidInputException.class).hasMessageContaining("up to 149");
    assertThatThrownBy(() -> NeuronSweep.execute(new NeuronSweepConfig(parent.toString(), "fc1", List.of(1),
        List.of("magnitude"), 1, 1, false), out, List.of(), MethodRegistry.standard(), LOADER, p -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("remove");
    assertThatThrownBy(() -> NeuronSweep.execute(new NeuronSweepConfig(parent.toString(), "conv9", List.of(1),
        List.of("data-free"), 1, 1, false), out, List.of(), MethodRegistry.standard(), LOADER, p -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("conv9");
    assertThatThrownBy(() -> NeuronSweep.execute(new NeuronSweepConfig(parent.toString(), "fc1", List.of(1),
        List.of("data-free:surgery"), 1, 1, false), out, List.of(), MethodRegistry.standard(), LOADER, p -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ID:NAME=VALUE");
    assertThat(out).doesNotExist();
  }

  @Test
  void defaultCountsAreSharesOfTheLayer() {
    assertThat(config(List.of()).countsFor(500)).containsExactly(0, 50, 100, 150, 200, 250, 300, 350, 400, 425, 450,
        475, 490);
  }
}
