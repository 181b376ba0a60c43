package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.ModelFile;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
  private static final Dataset DATA = new Dataset(DatasetId.MNIST_SAMPLE,
      SyntheticImages.bars(600, 10, 1, 28, 1), SyntheticImages.bars(200, 10, 1, 28, 2), "0".repeat(64), "synthetic");
  private static final Function<DatasetRef, Dataset> LOADER = id -> DATA;

  private static TrainingRunConfig config(int epochs) {
    return new TrainingRunConfig(ModelId.LENET5, 1.0, List.of(), DatasetId.MNIST_SAMPLE, 0.1,
        new TrainingConfig(epochs, 32, new OptimizerConfig.Sgd(0.02, 0.9, false, 1e-4),
            new LearningRateSchedule.Cosine(), 7, false));
  }

  /** A run killed after epoch 1 and resumed ends exactly where an uninterrupted run ends. */
  @Test
  void aResumedRunEqualsAnUninterruptedOne(@TempDir Path tmp) {
    TrainingRun.Result whole = TrainingRun.start(config(2), tmp.resolve("whole"), List.of("test"), LOADER, TrainingListener.NONE);

    Path killed = tmp.resolve("killed");
    TrainingListener killer = new TrainingListener() {
      @Override
      public void epochStarted(int epoch, int totalEpochs, int steps) {
        if (epoch == 2) {
          throw new IllegalStateException("killed");
        }
      }
    };
    assertThatThrownBy(() -> TrainingRun.start(config(2), killed, List.of("test"), LOADER, killer)).hasMessage("killed");
    assertThat(killed.resolve(RunDirectory.CHECKPOINT)).exists();
    assertThat(killed.resolve(RunDirectory.METRICS)).doesNotExist();

    TrainingRun.Result resumed = TrainingRun.resume(killed, LOADER, TrainingListener.NONE);
    assertThat(resumed.model().weights()).isEqualTo(whole.model().weights());
    assertThat(withoutTiming(resumed.metrics())).isEqualTo(withoutTiming(whole.metrics()));
    assertThat(killed.resolve(RunDirectory.CHECKPOINT)).doesNotExist();
    assertThat(ModelFile.read(killed.resolve(RunDirectory.MODEL)).weights()).isEqualTo(whole.model().weights());
  }

  /** The same seed gives the same accuracy and loss, to the last bit. */
  @Test
  void theSameSeedGivesIdenticalMetrics(@TempDir Path tmp) throws Exception {
    JsonNode a = TrainingRun.start(config(1), tmp.resolve("a"), List.of(), LOADER, TrainingListener.NONE).metrics();
    JsonNode b = TrainingRun.start(config(1), tmp.resolve("b"), List.of(), LOADER, TrainingListener.NONE).metrics();
    assertThat(a.get("accuracy")).isEqualTo(b.get("accuracy"));
    assertThat(a.get("loss")).isEqualTo(b.get("loss"));
    assertThat(a.at("/params/total").asLong()).isEqualTo(61_706);
    assertThat(a.at("/flops/dense").asLong()).isEqualTo(416_520);
    assertThat(a.at("/accuracy/test").asDouble()).isGreaterThan(0.5);
    Provenance p = Provenance.read(tmp.resolve("a").resolve(RunDirectory.PROVENANCE));
    assertThat(p.seed()).isEqualTo(7);
    assertThat(p.dataset().id()).isEqualTo("mnist-sample");
    assertThat(p.versions()).containsKeys("prunus", "java", "djl", "engine");
    assertThat(TrainingRun.config(p)).isEqualTo(config(1));
    assertThat(Files.list(tmp.resolve("a")).map(f -> f.getFileName().toString()))
        .containsExactlyInAnyOrder("metrics.json", "provenance.json", "model.prunus", "initial.prunus", RunLock.FILE);
    assertThat(tmp.resolve("a").resolve(RunLock.FILE)).isEmptyFile(); // released
  }

  private static JsonNode withoutTiming(JsonNode metrics) {
    var copy = metrics.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("timing");
    for (JsonNode e : copy.get("history")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("seconds");
    }
    return copy;
  }
}
