package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.prune.schedule.ScheduleState;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pruning run killed between rounds and resumed from its round checkpoint ends where an uninterrupted
 * run ends: the same model and masks bit for bit, the same metrics.json but for the timings.
 */
class PruneRunResumeTest {
  private static final Dataset DATA = new Dataset(DatasetId.MNIST_SAMPLE,
      SyntheticImages.bars(300, 10, 1, 28, 1), SyntheticImages.bars(100, 10, 1, 28, 2), "0".repeat(64), "synthetic");
  private static final Function<DatasetRef, Dataset> LOADER = id -> DATA;
  @TempDir static Path tmp;
  static Path parent;
  static TrainingRun.Result wholeMagnitude;

  private static TrainingRunConfig runConfig(int epochs) {
    return new TrainingRunConfig(ModelId.LENET_300_100, 0.25, List.of(), DatasetId.MNIST_SAMPLE, 0.1,
        new TrainingConfig(epochs, 32, new OptimizerConfig.Sgd(0.02, 0.9, false, 0),
            new LearningRateSchedule.Constant(), 7, false));
  }

  /** Iterative magnitude, 3 rounds rewound to the parent's initial weights, then a final phase: 4 trainings. */
  private static PruneRunConfig magnitude() {
    return new PruneRunConfig("magnitude", Map.of(), 0.2, ScheduleKind.ITERATIVE, 3, true, 3, false, runConfig(1),
        parent.toString(), true, new Schedule.FinalPhase(0.1, 1));
  }

  /** NNrelief, 2 iterations of its own rule on its fixed pruning set, each keeping its best epoch. */
  private static PruneRunConfig relief() {
    return new PruneRunConfig("relief", Map.of("prune-set-size", "100"), 1, ScheduleKind.ITERATIVE, 2, false, 3,
        false, runConfig(1), parent.toString(), true);
  }

  @BeforeAll
  static void trainParent() {
    parent = tmp.resolve("parent");
    TrainingRun.start(runConfig(1), parent, List.of(), LOADER, TrainingListener.NONE);
    wholeMagnitude = execute(magnitude(), tmp.resolve("magnitude-whole"), TrainingListener.NONE);
  }

  private static TrainingRun.Result execute(PruneRunConfig c, Path out, TrainingListener listener) {
    return PruneRun.execute(c, out, List.of("test"), MethodRegistry.standard(), LOADER, listener);
  }

  /** A listener that stops the run as training number {@code n} (one epoch each, counted from 1) starts. */
  private static TrainingListener killedAtTraining(int n) {
    return new TrainingListener() {
      int started;

      @Override
      public void epochStarted(int epoch, int totalEpochs, int steps) {
        if (++started == n) {
          throw new IllegalStateException("killed");
        }
      }
    };
  }

  /**
   * Killed in round 3 (2 rounds done) or in the final phase (3 done), the resumed run equals the
   * uninterrupted one, round records, rewinding and the final phase included; the checkpoint is then gone.
   */
  @ParameterizedTest(name = "killed as training {0} of 4 starts")
  @ValueSource(ints = {3, 4})
  void aKilledIterativeMagnitudeRunResumesToTheUninterruptedResult(int killedAt) {
    TrainingRun.Result whole = wholeMagnitude;
    Path killed = tmp.resolve("magnitude-killed-" + killedAt);
    assertThatThrownBy(() -> execute(magnitude(), killed, killedAtTraining(killedAt))).hasMessage("killed");
    RunDirectory dir = new RunDirectory(killed);
    assertThat(dir.metrics()).doesNotExist();
    ScheduleState checkpoint = RoundCheckpoint.read(dir);
    assertThat(checkpoint.roundsDone()).isEqualTo(killedAt - 1);
    assertThat(checkpoint.rounds()).hasSize(killedAt - 1);
    assertThat(checkpoint.history()).hasSize(killedAt - 1);

    TrainingRun.Result resumed = PruneRun.resume(killed, MethodRegistry.standard(), LOADER, TrainingListener.NONE);
    assertThat(withoutTiming(metrics(killed))).isEqualTo(withoutTiming(metrics(whole.directory().path())));
    assertThat(resumed.metrics().at("/pruning/rounds")).hasSize(4);
    assertThat(dir.roundCheckpoint()).doesNotExist();
    Model saved = ModelFile.read(dir.model());
    Model expected = ModelFile.read(whole.directory().model());
    assertThat(saved.weights()).isEqualTo(expected.weights());
    assertThat(saved.masks()).isEqualTo(expected.masks());
    assertThat(dir.plan()).hasSameBinaryContentAs(whole.directory().plan());
  }

  /** NNrelief's iterations carry nothing but the model between them: killed in iteration 2, resumed, equal. */
  @Test
  void aKilledReliefRunResumesToTheUninterruptedResult() {
    TrainingRun.Result whole = execute(relief(), tmp.resolve("relief-whole"), TrainingListener.NONE);
    Path killed = tmp.resolve("relief-killed");
    assertThatThrownBy(() -> execute(relief(), killed, killedAtTraining(2))).hasMessage("killed");
    assertThat(RoundCheckpoint.read(new RunDirectory(killed)).roundsDone()).isEqualTo(1);

    PruneRun.resume(killed, MethodRegistry.standard(), LOADER, TrainingListener.NONE);
    assertThat(withoutTiming(metrics(killed))).isEqualTo(withoutTiming(metrics(whole.directory().path())));
    Model saved = ModelFile.read(killed.resolve(RunDirectory.MODEL));
    assertThat(saved.weights()).isEqualTo(whole.model().weights());
    assertThat(saved.masks()).isEqualTo(whole.model().masks());
  }

  /** Only an unfinished pruning run with a round checkpoint resumes; every refusal names the fix. */
  @Test
  void whatCannotBeResumedIsRefusedWithTheFix() throws Exception {
    Path finished = tmp.resolve("refused-finished");
    execute(new PruneRunConfig("magnitude", Map.of(), 0.5, ScheduleKind.ONE_SHOT, 1, false, 3, false, runConfig(0),
        parent.toString()), finished, TrainingListener.NONE);
    assertThatThrownBy(() -> PruneRun.resume(finished, MethodRegistry.standard(), LOADER, TrainingListener.NONE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds a finished run")
        .hasMessageContaining("choose another --out");
    assertThatThrownBy(() -> PruneRun.resume(parent, MethodRegistry.standard(), LOADER, TrainingListener.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a finished `prunus train` run, not a `prunus prune` one")
        .hasMessageContaining("prunus prune --method ID --from " + parent + " --out NEW_DIR");

    Path early = tmp.resolve("refused-early");
    assertThatThrownBy(() -> execute(magnitude(), early, killedAtTraining(1))).hasMessage("killed");
    assertThatThrownBy(() -> PruneRun.resume(early, MethodRegistry.standard(), LOADER, TrainingListener.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no " + RunDirectory.ROUND_CHECKPOINT)
        .hasMessageContaining("delete that directory and start the run again");

    Path foreign = Files.createDirectories(tmp.resolve("refused-foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> PruneRun.resume(foreign, MethodRegistry.standard(), LOADER, TrainingListener.NONE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds no Prunus run");
  }

  private static JsonNode metrics(Path run) {
    try {
      return Json.MAPPER.readTree(run.resolve(RunDirectory.METRICS).toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** metrics.json less what the clock decides: the timing block and each epoch's seconds. */
  static JsonNode withoutTiming(JsonNode metrics) {
    ObjectNode copy = metrics.deepCopy();
    copy.remove("timing");
    for (JsonNode e : copy.get("history")) {
      ((ObjectNode) e).remove("seconds");
    }
    return copy;
  }
}
