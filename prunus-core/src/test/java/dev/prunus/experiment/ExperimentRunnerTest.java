package dev.prunus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.FileTrees;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.method.Magnitude;
import dev.prunus.run.Json;
import dev.prunus.run.RunDirectory;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid runner on synthetic data: results, resume after a kill, side-by-side runs, failures. */
class ExperimentRunnerTest {
  private static final Dataset DATA = new Dataset(DatasetId.MNIST_SAMPLE,
      SyntheticImages.bars(300, 10, 1, 28, 1), SyntheticImages.bars(100, 10, 1, 28, 2), "0".repeat(64), "synthetic");
  private static final String YAML = """
      name: tiny
      models: lenet-300-100
      width: 0.25
      datasets: mnist-sample
      seeds: [1, 2]
      densities: [0.5, 0.1]
      training: {epochs: 1, batch-size: 32, lr: 0.02}
      fine-tune: {epochs: 1}
      methods: [magnitude, random, snip]
      """;
  @TempDir Path tmp;

  private static ExperimentSpec spec(String yaml) {
    return ExperimentFile.parse(yaml, "tiny.yaml", "tiny", MethodRegistry.standard());
  }

  private static ExperimentRunner.Summary run(String yaml, Path dir, int jobs, AtomicInteger loads) {
    Function<DatasetRef, Dataset> loader = id -> {
      loads.incrementAndGet();
      return DATA;
    };
    return new ExperimentRunner(MethodRegistry.standard(), loader, ExperimentListener.NONE, List.of("test"))
        .run(spec(yaml), yaml, dir, jobs);
  }

  private static Map<String, Double> accuracies(Path dir) {
    return ResultsFiles.read(dir).stream().collect(Collectors.toMap(
        r -> r.get("run.id").asText(), r -> r.get("accuracy.test").asDouble()));
  }

  /**
   * One row per run with every metrics field; killed runs are redone and finished ones kept; two jobs
   * give the same numbers as one.
   */
  @Test
  void runsTheGridResumesAfterAKillAndAgreesAcrossJobs() throws Exception {
    Path dir = tmp.resolve("tiny");
    AtomicInteger loads = new AtomicInteger();
    ExperimentRunner.Summary first = run(YAML, dir, 1, loads);
    assertThat(first.outcomes()).hasSize(2 + 3 * 2 * 2);
    assertThat(first.count(RunOutcome.Status.FINISHED)).as(first.problems().toString()).isEqualTo(14);
    assertThat(loads.get()).as("the dataset is loaded once for the whole grid").isEqualTo(1);

    List<ObjectNode> rows = ResultsFiles.read(dir);
    assertThat(rows).hasSize(14);
    assertThat(rows).extracting(r -> r.get("run.id").asText()).doesNotHaveDuplicates();
    for (ObjectNode r : rows) {
      assertThat(r.has("accuracy.test") && r.has("flops.masked") && r.has("layers.0.density")
          && r.has("provenance.dataset.sha256")).as(r.get("run.id").asText()).isTrue();
      if (!r.get("run.label").asText().equals("dense")) {
        assertThat(r.get("params.density").asDouble())
            .isCloseTo(r.get("run.target_density").asDouble(), within(0.01));
      }
    }
    ObjectNode mag = rows.stream().filter(r -> r.get("run.id").asText().equals("magnitude/lenet-300-100_mnist-sample_d0.1_s2"))
        .findFirst().orElseThrow();
    assertThat(mag.get("run.parent").asText()).isEqualTo("dense/lenet-300-100_mnist-sample_s2");
    assertThat(mag.get("run.schedule").asText()).isEqualTo("one-shot");
    assertThat(mag.get("parent_run").asText()).endsWith("runs/dense/lenet-300-100_mnist-sample_s2");
    String csv = Files.readString(dir.resolve(ResultsFiles.CSV));
    assertThat(csv.lines()).hasSize(15);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("run.id,run.label,run.schedule,run.target_density")
        .contains(",accuracy.test,", ",layers.2.nonzero,");
    Map<String, Double> before = accuracies(dir);

    // a kill: one dense and one pruned run half-written (no metrics.json, a stray file), one never started
    Path dense = dir.resolve("runs/dense/lenet-300-100_mnist-sample_s1");
    Path snip = dir.resolve("runs/snip/lenet-300-100_mnist-sample_d0.5_s2");
    Path random = dir.resolve("runs/random/lenet-300-100_mnist-sample_d0.1_s1");
    Files.delete(dense.resolve(RunDirectory.METRICS));
    Files.delete(snip.resolve(RunDirectory.METRICS));
    Files.writeString(snip.resolve("half-written.tmp"), "x");
    FileTrees.delete(random);
    Path kept = dir.resolve("runs/magnitude/lenet-300-100_mnist-sample_d0.5_s1").resolve(RunDirectory.METRICS);
    FileTime keptTime = Files.getLastModifiedTime(kept);

    ExperimentRunner.Summary second = run(YAML, dir, 1, loads);
    Map<RunOutcome.Status, List<String>> byStatus = new HashMap<>();
    second.outcomes().forEach(o -> byStatus.computeIfAbsent(o.status(), s -> new ArrayList<>()).add(o.run().id()));
    assertThat(byStatus.get(RunOutcome.Status.FINISHED)).containsExactlyInAnyOrder(
        "dense/lenet-300-100_mnist-sample_s1", "snip/lenet-300-100_mnist-sample_d0.5_s2",
        "random/lenet-300-100_mnist-sample_d0.1_s1");
    assertThat(byStatus.get(RunOutcome.Status.SKIPPED)).hasSize(11);
    assertThat(snip.resolve("half-written.tmp")).doesNotExist();
    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(keptTime);
    assertThat(accuracies(dir)).as("seeded runs redo to the same numbers").isEqualTo(before);

    ExperimentRunner.Summary third = run(YAML, dir, 1, loads);
    assertThat(third.count(RunOutcome.Status.SKIPPED)).isEqualTo(14);

    // two jobs through a launcher (here: in this process, one at a time), on seed 1 only: same numbers,
    // parents first
    String seed1 = YAML.replace("seeds: [1, 2]", "seeds: [1]");
    Path parallel = tmp.resolve("parallel");
    List<String> events = new ArrayList<>();
    ExperimentRunner child = new ExperimentRunner(MethodRegistry.standard(), id -> DATA, ExperimentListener.NONE, List.of());
    ExperimentRunner.Summary both = new ExperimentRunner(MethodRegistry.standard(), id -> DATA,
        ExperimentListener.NONE, List.of()).withLauncher((r, exp) -> {
          synchronized (events) {
            events.add("start " + r.id());
            RunOutcome o = child.runOne(spec(seed1), exp, r.id());
            assertThat(o.status()).isEqualTo(RunOutcome.Status.FINISHED);
            events.add("end " + r.id());
            return o.seconds();
          }
        }).run(spec(seed1), seed1, parallel, 2);
    assertThat(both.count(RunOutcome.Status.FINISHED)).as(both.problems().toString()).isEqualTo(7);
    Map<String, Double> beforeSeed1 = new HashMap<>(before);
    beforeSeed1.keySet().removeIf(id -> id.endsWith("_s2"));
    assertThat(accuracies(parallel)).isEqualTo(beforeSeed1);
    for (RunOutcome o : both.outcomes()) {
      if (o.run().parent() != null) {
        assertThat(events.indexOf("end " + o.run().parent())).isLessThan(events.indexOf("start " + o.run().id()));
      }
    }
  }

  /**
   * Runs work on a thread other than the one that loaded the engine, where libtorch's gradient mode (kept
   * per thread, and turned off by DJL only where the engine loads) is on: the runner leaves it alone, and
   * training, pruning at init, one-shot and iterative pruning with rewinding, fine-tuning and compaction
   * turn it off themselves where they update weights in place. They give the numbers the same runs give
   * on this test's thread.
   */
  @Test
  void runsWorkOnAThreadWhoseGradientModeIsOn() throws Exception {
    String yaml = """
        name: threads
        models: lenet-300-100
        width: 0.25
        datasets: mnist-sample
        seeds: [1]
        densities: [0.3]
        training: {epochs: 1, batch-size: 32, lr: 0.02}
        fine-tune: {epochs: 1}
        methods:
          - magnitude
          - snip
          - {id: magnitude, label: lth, schedule: iterative, rounds: 2, rewind: true}
          - {id: l1-structured, compact: true}
        """;
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Runnable look = () -> seen.add(Thread.currentThread().getName() + " gradient mode " + JniUtils.isGradMode());
    ExperimentListener recording = new ExperimentListener() {
      @Override
      public void runStarted(PlannedRun r) {
        look.run();
      }

      @Override
      public TrainingListener training(PlannedRun r) {
        return new TrainingListener() {
          @Override
          public void epochFinished(EpochRecord record) {
            look.run();
          }
        };
      }
    };
    Path pooled = tmp.resolve("pooled");
    ExperimentRunner.Summary summary = new ExperimentRunner(MethodRegistry.standard(), id -> DATA, recording, List.of())
        .run(spec(yaml), yaml, pooled, 1);
    assertThat(summary.count(RunOutcome.Status.FINISHED)).as(summary.problems().toString()).isEqualTo(5);
    assertThat(seen).as("where runs start and epochs end").hasSizeGreaterThan(5)
        .allMatch(s -> s.matches("experiment-run-\\d+ gradient mode true"));

    Path here = tmp.resolve("here");
    ExperimentRunner inThisThread =
        new ExperimentRunner(MethodRegistry.standard(), id -> DATA, ExperimentListener.NONE, List.of());
    for (PlannedRun r : ExperimentGrid.expand(spec(yaml), here)) {
      assertThat(inThisThread.runOne(spec(yaml), here, r.id()).status()).as(r.id())
          .isEqualTo(RunOutcome.Status.FINISHED);
      JsonNode a = Json.MAPPER.readTree(new RunDirectory(r.directory(pooled)).metrics().toFile());
      JsonNode b = Json.MAPPER.readTree(new RunDirectory(r.directory(here)).metrics().toFile());
      for (String key : List.of("/accuracy/test", "/loss/test", "/params/total", "/params/nonzero")) {
        assertThat(a.at(key).asDouble()).as(r.id() + key).isEqualTo(b.at(key).asDouble());
      }
    }
  }

  /**
   * A dense baseline killed after its first epoch (a checkpoint, no metrics.json) resumes from that
   * checkpoint and ends where an uninterrupted one ends; under a changed budget it starts again.
   */
  @Test
  void aKilledDenseBaselineResumesFromItsCheckpoint() throws Exception {
    String yaml = YAML.replace("seeds: [1, 2]", "seeds: [1]").replace("[magnitude, random, snip]", "[magnitude]")
        .replace("densities: [0.5, 0.1]", "densities: [0.5]").replace("training: {epochs: 1,", "training: {epochs: 2,");
    ExperimentRunner.Summary whole = run(yaml, tmp.resolve("whole"), 1, new AtomicInteger());
    assertThat(whole.count(RunOutcome.Status.FINISHED)).isEqualTo(2);

    Path dir = tmp.resolve("killed");
    TrainingListener killer = new TrainingListener() {
      @Override
      public void epochStarted(int epoch, int totalEpochs, int steps) {
        if (epoch == 2) {
          throw new IllegalStateException("killed");
        }
      }
    };
    List<String> resumed = new ArrayList<>();
    ExperimentListener killing = new ExperimentListener() {
      @Override
      public TrainingListener training(PlannedRun r) {
        return killer;
      }
    };
    ExperimentRunner.Summary first = new ExperimentRunner(MethodRegistry.standard(), id -> DATA, killing, List.of())
        .run(spec(yaml), yaml, dir, 1);
    assertThat(first.outcomes()).extracting(RunOutcome::status)
        .containsExactly(RunOutcome.Status.FAILED, RunOutcome.Status.BLOCKED);
    RunDirectory dense = new RunDirectory(dir.resolve("runs/dense/lenet-300-100_mnist-sample_s1"));
    assertThat(dense.checkpoint()).exists();
    assertThat(dense.metrics()).doesNotExist();
    JsonNode epoch1 = ModelFile.readStored(dense.checkpoint()).meta().get("history").get(0);

    ExperimentListener recording = new ExperimentListener() {
      @Override
      public void runResumed(PlannedRun r, int done) {
        resumed.add(r.id() + " after " + done);
      }
    };
    ExperimentRunner.Summary second = new ExperimentRunner(MethodRegistry.standard(), id -> DATA, recording, List.of())
        .run(spec(yaml), yaml, dir, 1);
    assertThat(second.count(RunOutcome.Status.FINISHED)).as(second.problems().toString()).isEqualTo(2);
    assertThat(resumed).containsExactly("dense/lenet-300-100_mnist-sample_s1 after 1");
    JsonNode metrics = Json.MAPPER.readTree(dense.metrics().toFile());
    assertThat(metrics.get("history")).hasSize(2);
    JsonNode first1 = metrics.get("history").get(0);
    assertThat(first1.get("seconds")).as("epoch 1 kept from the checkpoint, timing included")
        .isEqualTo(epoch1.get("seconds"));
    assertThat(first1.get("train_loss")).isEqualTo(epoch1.get("trainLoss"));
    assertThat(dense.checkpoint()).doesNotExist();
    assertThat(ModelFile.read(dense.model()).weights()).isEqualTo(ModelFile.read(
        tmp.resolve("whole/runs/dense/lenet-300-100_mnist-sample_s1").resolve(RunDirectory.MODEL)).weights());
    assertThat(accuracies(dir)).isEqualTo(accuracies(tmp.resolve("whole")));

    // killed again, then run with three epochs: the checkpoint is of another budget, so it starts over
    Path changed = tmp.resolve("changed");
    new ExperimentRunner(MethodRegistry.standard(), id -> DATA, killing, List.of()).run(spec(yaml), yaml, changed, 1);
    String longer = yaml.replace("training: {epochs: 2,", "training: {epochs: 3,");
    resumed.clear();
    ExperimentRunner.Summary third = new ExperimentRunner(MethodRegistry.standard(), id -> DATA, recording, List.of())
        .run(spec(longer), longer, changed, 1);
    assertThat(third.count(RunOutcome.Status.FINISHED)).isEqualTo(2);
    assertThat(resumed).isEmpty();
    assertThat(Json.MAPPER.readTree(changed.resolve("runs/dense/lenet-300-100_mnist-sample_s1")
        .resolve(RunDirectory.METRICS).toFile()).get("history")).hasSize(3);
  }

  /**
   * An iterative pruning run killed in its third round resumes from its round checkpoint (its provenance
   * and first rounds kept, not redone) and ends where an uninterrupted one ends; a checkpoint of another
   * configuration (four rounds asked for now) is not resumed: that run starts again.
   */
  @Test
  void aKilledPruningRunResumesFromItsLastRound() throws Exception {
    String yaml = YAML.replace("seeds: [1, 2]", "seeds: [1]").replace("densities: [0.5, 0.1]", "densities: [0.2]")
        .replace("methods: [magnitude, random, snip]", "methods: [{id: magnitude, schedule: iterative, rounds: 3}]");
    String id = "magnitude/lenet-300-100_mnist-sample_d0.2_s1";
    ExperimentRunner.Summary whole = run(yaml, tmp.resolve("whole"), 1, new AtomicInteger());
    assertThat(whole.count(RunOutcome.Status.FINISHED)).as(whole.problems().toString()).isEqualTo(2);

    Path dir = tmp.resolve("killed");
    ExperimentListener killing = new ExperimentListener() {
      @Override
      public TrainingListener training(PlannedRun r) {
        return r.isDense() ? TrainingListener.NONE : new TrainingListener() {
          int round;

          @Override
          public void epochStarted(int epoch, int totalEpochs, int steps) {
            if (++round == 3) {
              throw new IllegalStateException("killed");
            }
          }
        };
      }
    };
    ExperimentRunner.Summary first = new ExperimentRunner(MethodRegistry.standard(), id2 -> DATA, killing, List.of())
        .run(spec(yaml), yaml, dir, 1);
    assertThat(first.outcomes()).extracting(RunOutcome::status)
        .containsExactly(RunOutcome.Status.FINISHED, RunOutcome.Status.FAILED);
    RunDirectory pruned = new RunDirectory(dir.resolve("runs").resolve(id));
    assertThat(pruned.roundCheckpoint()).exists();
    assertThat(ModelFile.readStored(pruned.roundCheckpoint()).meta().get("rounds_done").asInt()).isEqualTo(2);
    String created = Json.MAPPER.readTree(pruned.provenance().toFile()).get("created").asText();
    Path killedCopy = tmp.resolve("killed-copy");
    copy(pruned.path(), killedCopy);

    List<String> resumed = new ArrayList<>();
    ExperimentListener recording = new ExperimentListener() {
      @Override
      public void runResumed(PlannedRun r, int done) {
        resumed.add(r.id() + " after " + done);
      }
    };
    String longer = yaml.replace("rounds: 3", "rounds: 4");
    ExperimentRunner.Summary changed = new ExperimentRunner(MethodRegistry.standard(), id2 -> DATA, recording, List.of())
        .run(spec(longer), longer, dir, 1);
    assertThat(changed.count(RunOutcome.Status.FINISHED)).as(changed.problems().toString()).isEqualTo(1);
    assertThat(resumed).as("a checkpoint of three rounds does not continue a run of four").isEmpty();
    assertThat(Json.MAPPER.readTree(pruned.metrics().toFile()).at("/pruning/rounds")).hasSize(4);

    FileTrees.delete(pruned.path());
    copy(killedCopy, pruned.path());
    ExperimentRunner.Summary second = new ExperimentRunner(MethodRegistry.standard(), id2 -> DATA, recording, List.of())
        .run(spec(yaml), yaml, dir, 1);
    assertThat(second.outcomes()).extracting(RunOutcome::status)
        .containsExactly(RunOutcome.Status.SKIPPED, RunOutcome.Status.FINISHED);
    assertThat(resumed).containsExactly(id + " after 2");
    assertThat(Json.MAPPER.readTree(pruned.provenance().toFile()).get("created").asText())
        .as("the run was continued, not started again").isEqualTo(created);
    assertThat(pruned.roundCheckpoint()).doesNotExist();
    JsonNode expected = comparableMetrics(tmp.resolve("whole/runs").resolve(id));
    assertThat(comparableMetrics(pruned.path())).isEqualTo(expected);
    assertThat(expected.at("/pruning/rounds")).hasSize(3);
    Model model = ModelFile.read(pruned.model());
    Model uninterrupted = ModelFile.read(tmp.resolve("whole/runs").resolve(id).resolve(RunDirectory.MODEL));
    assertThat(model.weights()).isEqualTo(uninterrupted.weights());
    assertThat(model.masks()).isEqualTo(uninterrupted.masks());
  }

  /** A run's metrics.json less its timings and its parent's path (which names the experiment directory). */
  private static JsonNode comparableMetrics(Path run) throws java.io.IOException {
    ObjectNode m = (ObjectNode) Json.MAPPER.readTree(run.resolve(RunDirectory.METRICS).toFile());
    m.remove("timing");
    m.remove("parent_run");
    m.get("history").forEach(e -> ((ObjectNode) e).remove("seconds"));
    return m;
  }

  private static void copy(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
  }

  /** A finished run made under another budget is not silently mixed in: the error names the run and the change. */
  @Test
  void aChangedBudgetIsRejectedBeforeAnythingRuns() {
    String small = YAML.replace("seeds: [1, 2]", "seeds: [1]").replace("[magnitude, random, snip]", "[magnitude]")
        .replace("densities: [0.5, 0.1]", "densities: [0.5]");
    Path dir = tmp.resolve("changed");
    run(small, dir, 1, new AtomicInteger());
    String changed = small.replace("fine-tune: {epochs: 1}", "fine-tune: {epochs: 2}");
    assertThatThrownBy(() -> run(changed, dir, 1, new AtomicInteger()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("runs/magnitude/lenet-300-100_mnist-sample_d0.5_s1 was made with another configuration")
        .hasMessageContaining("training.training.epochs: 1 then, 2 now");
    // growing the grid is fine: the finished runs are kept, the new ones run
    String grown = small.replace("densities: [0.5]", "densities: [0.5, 0.2]");
    ExperimentRunner.Summary s = run(grown, dir, 1, new AtomicInteger());
    assertThat(s.count(RunOutcome.Status.SKIPPED)).isEqualTo(2);
    assertThat(s.count(RunOutcome.Status.FINISHED)).isEqualTo(1);
  }

  @Test
  void anotherExperimentsDirectoryOrAForeignOneIsRefused() throws Exception {
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> run(YAML, foreign, 1, new AtomicInteger()))
        .hasMessageContaining("is not an experiment directory");
    Path dir = tmp.resolve("other");
    String one = YAML.replace("seeds: [1, 2]", "seeds: [1]").replace("[magnitude, random, snip]", "[magnitude]")
        .replace("densities: [0.5, 0.1]", "densities: [0.5]").replace("fine-tune: {epochs: 1}", "");
    run(one, dir, 1, new AtomicInteger());
    assertThatThrownBy(() -> run(one.replace("name: tiny", "name: other"), dir, 1, new AtomicInteger()))
        .hasMessageContaining("holds the experiment 'tiny', not 'other'");
    assertThatThrownBy(() -> run(one, dir, 0, new AtomicInteger())).hasMessageContaining("--jobs 0 must be in [1, 256]");
  }

  /** A method that throws fails its own runs only; a dense baseline that fails blocks the runs that prune it. */
  @Test
  void failuresAreContainedAndRedoneNextTime() {
    MethodInfo info = new MethodInfo("exploding", "always fails", Granularity.WEIGHT, ScheduleKind.ONE_SHOT, List.of());
    PruningMethod boom = new PruningMethod() {
      @Override
      public MethodInfo info() {
        return info;
      }

      @Override
      public PruningPlan plan(Model model, PruningContext context) {
        throw new IllegalStateException("boom");
      }
    };
    MethodFactory exploding = new MethodFactory() {
      @Override
      public MethodInfo info() {
        return info;
      }

      @Override
      public PruningMethod create(MethodOptions options) {
        return boom;
      }
    };
    MethodRegistry registry = new MethodRegistry(List.of(new Magnitude.Factory(), exploding));
    String yaml = YAML.replace("[magnitude, random, snip]", "[magnitude, exploding]").replace("seeds: [1, 2]", "seeds: [1]");
    ExperimentSpec spec = ExperimentFile.parse(yaml, "t.yaml", "t", registry);
    Path dir = tmp.resolve("fail");
    ExperimentRunner.Summary s = new ExperimentRunner(registry, id -> DATA, ExperimentListener.NONE, List.of())
        .run(spec, yaml, dir, 1);
    assertThat(s.count(RunOutcome.Status.FINISHED)).isEqualTo(3);
    assertThat(s.problems()).hasSize(2).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(RunOutcome.Status.FAILED);
      assertThat(o.error()).isEqualTo("boom");
    });
    assertThat(ResultsFiles.read(dir)).hasSize(3);
    ExperimentRunner.Summary again = new ExperimentRunner(registry, id -> DATA, ExperimentListener.NONE, List.of())
        .run(spec, yaml, dir, 1);
    assertThat(again.count(RunOutcome.Status.SKIPPED)).isEqualTo(3);
    assertThat(again.count(RunOutcome.Status.FAILED)).as("failed runs are tried again").isEqualTo(2);

    ExperimentSpec diverging = new ExperimentSpec("d", spec.models(), spec.datasets(), spec.seeds(), spec.densities(),
        0.25, List.of(), spec.init(), 0.1, new TrainingBudget(1, 32, TrainingBudget.Optimizer.SGD, 1e6, 0.9, false, 0, "constant", null),
        spec.fineTune(), List.of(spec.methods().get(0)));
    ExperimentRunner.Summary d = new ExperimentRunner(registry, id -> DATA, ExperimentListener.NONE, List.of())
        .run(diverging, "", tmp.resolve("diverging"), 1);
    assertThat(d.outcomes()).extracting(RunOutcome::status).containsExactly(RunOutcome.Status.FAILED,
        RunOutcome.Status.BLOCKED, RunOutcome.Status.BLOCKED);
    assertThat(d.outcomes().get(1).error()).contains("dense/lenet-300-100_mnist-sample_s1 did not finish");
  }
}
