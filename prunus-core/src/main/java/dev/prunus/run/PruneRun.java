package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PlanFile;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.schedule.Round;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.prune.schedule.ScheduleState;
import dev.prunus.train.Evaluation;
import dev.prunus.train.OutputComparison;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Prunes a model with a method under a {@link Schedule} into a run directory (what {@code prunus prune}
 * does): the persistence around the schedule. It builds the schedule from a {@link PruneRunConfig}, starts
 * from the parent run's model (or fresh weights for at-init), writes provenance.json, the plan of round 1,
 * a round checkpoint after every round, and at the end (after optional compaction) the model and
 * metrics.json with the typed {@link Round} records. Like {@link TrainingRun}, the run directory is locked,
 * and inputs are checked and data loaded before anything is written in it.
 *
 * <p>Resumable by rounds: after every round (the final phase included) the run writes, atomically, a
 * {@link RoundCheckpoint} ({@value RunDirectory#ROUND_CHECKPOINT}: the {@link ScheduleState}), and
 * {@link #resume} continues a killed run from the round after it; the schedule carries nothing else
 * between rounds, and rewinding reads the parent's initial weights again, so a resumed run ends with the
 * model, masks and metrics (all but the timings) of an uninterrupted one. A round is the unit: a run killed mid-round redoes that round. The round checkpoint is
 * deleted once metrics.json is written (the final model and every round's record are then in the run);
 * the plan of round 1 ({@value RunDirectory#PLAN}) is written once, in round 1.
 */
public final class PruneRun {
  private PruneRun() {}

  public static TrainingRun.Result execute(
      PruneRunConfig config, Path out, List<String> command, MethodRegistry registry,
      Function<DatasetRef, Dataset> data, TrainingListener listener) {
    if (config.training().model() != null) {
      config.training().checkHeap(); // an imported model's is checked once its parent's model is read
    }
    RunDirectory.checkWritable(out);
    try (RunLock lock = RunLock.acquire(out, String.join(" ", command), listener::notice)) {
      return execute(RunDirectory.checkWritable(out), config, command, registry, data, listener);
    }
  }

  /** {@link #execute}, in the locked and checked run directory {@code dir}. */
  private static TrainingRun.Result execute(RunDirectory dir, PruneRunConfig config, List<String> command,
      MethodRegistry registry, Function<DatasetRef, Dataset> data, TrainingListener listener) {
    PruningMethod method = registry.create(config.method(), config.options());
    TrainingRunConfig training = config.training();
    Model start;
    Model initial = null;
    if (config.parentRun() != null) {
      RunDirectory parent = RunDirectory.open(Path.of(config.parentRun()));
      start = parent.readModel();
      training.checkHeap(start.architecture());
      ParentRun.checkFits(start.architecture(), training.dataset());
      initial = config.rewind() ? readInitial(parent) : null;
    } else {
      start = new Model(training.architecture(), training.initialWeights());
    }
    method.check(start.architecture(), PruningTarget.ofDensity(method.reachesTargetDensity() ? config.density() : 1));
    PreparedData prepared = PreparedData.of(data.apply(training.dataset()), training.validationFraction(),
        training.training().seed());
    new Provenance("prune", command, Json.MAPPER.valueToTree(config), config.seed(), prepared.reference(),
        Versions.all(), config.parentRun(), Instant.now().toString()).write(dir.provenance());
    return run(dir, config, method, prepared, initial, ScheduleState.start(start), listener);
  }

  /**
   * Continues an unfinished run from its last round checkpoint, with the configuration stored in its
   * provenance.json: the rounds left, the final phase and compaction, ending with the model, masks and
   * metrics (all but the timings) of an uninterrupted run.
   *
   * @throws InvalidInputException if {@code out} holds no pruning run with a round checkpoint, a finished
   *     one, or one whose data or parent's initial weights are no longer there
   */
  public static TrainingRun.Result resume(
      Path out, MethodRegistry registry, Function<DatasetRef, Dataset> data, TrainingListener listener) {
    RunDirectory.checkResumable(out, "prune", RunDirectory.ROUND_CHECKPOINT);
    try (RunLock lock = RunLock.acquire(out, "prunus prune --resume --out " + out, listener::notice)) {
      return resume(RunDirectory.checkResumable(out, "prune", RunDirectory.ROUND_CHECKPOINT), registry, data,
          listener);
    }
  }

  /** {@link #resume}, in the locked and checked run directory {@code dir}. */
  private static TrainingRun.Result resume(
      RunDirectory dir, MethodRegistry registry, Function<DatasetRef, Dataset> data, TrainingListener listener) {
    Provenance p = Provenance.read(dir.provenance());
    PruneRunConfig config = p.configAs(PruneRunConfig.class);
    if (config.training().model() != null) {
      config.training().checkHeap();
    }
    PruningMethod method = registry.create(config.method(), config.options());
    Model initial = config.rewind() ? readInitial(RunDirectory.open(Path.of(config.parentRun()))) : null;
    ScheduleState from = RoundCheckpoint.read(dir);
    TrainingRunConfig training = config.training();
    PreparedData prepared = PreparedData.of(data.apply(training.dataset()), training.validationFraction(),
        training.training().seed());
    prepared.checkSameAs(p.dataset());
    return run(dir, config, method, prepared, initial, from, listener);
  }

  /**
   * The rounds after {@code from.roundsDone()}, the final phase (unless done), compaction and the
   * measurements, written to {@code dir}; a round checkpoint after every round, deleted once metrics.json
   * is written.
   */
  private static TrainingRun.Result run(RunDirectory dir, PruneRunConfig config, PruningMethod method,
      PreparedData prepared, Model initial, ScheduleState from, TrainingListener listener) {
    TrainingRunConfig training = config.training();
    Schedule.Data data = prepared.splits();
    ScheduleState end = config.toSchedule().resume(method, from, initial, training.training(), data, listener,
        (state, plan) -> {
          if (state.roundsDone() == 1) {
            PlanFile.write(dir.plan(), plan);
          }
          RoundCheckpoint.write(dir.roundCheckpoint(), state, training);
        });
    Model model = end.model();
    ObjectNode pruning = pruningRecord(config, method, end);
    if (config.compact()) {
      Model compacted = Compactor.compact(model);
      ObjectNode c = pruning.putObject("compaction");
      c.put("params_before", ModelCounter.count(model).params());
      c.put("params_after", ModelCounter.count(compacted).params());
      c.put("max_abs_output_difference",
          OutputComparison.maxAbsDifference(model, compacted, prepared.validation(), 512));
      model = compacted;
    }
    Evaluation test = Schedule.evaluate(model, prepared.test());
    Evaluation validation = Schedule.evaluate(model, prepared.validation());
    ModelFile.write(dir.model(), model, java.util.Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), training));
    ObjectNode metrics = MetricsJson.of(new MetricsJson.Inputs(
        training.modelName(), training.dataset().cliName(), method.id(), config.seed(), test, validation,
        ModelCounter.count(model), end.trainSeconds(), end.pruneSeconds(), end.times(), end.history()));
    metrics.put("width", training.width());
    metrics.put("input", model.architecture().input().toString());
    prepared.describeIn(metrics);
    metrics.put("parent_run", config.parentRun());
    metrics.set("pruning", pruning);
    TrainingRun.writeJson(dir.metrics(), metrics);
    dir.deleteCheckpoint(dir.roundCheckpoint());
    return new TrainingRun.Result(dir, model, metrics);
  }

  /**
   * metrics.json's {@code pruning} record: the method, its options, the schedule and target, and every
   * round's record (typed {@link Round}s), the last plan's details and the final density.
   */
  private static ObjectNode pruningRecord(PruneRunConfig config, PruningMethod method, ScheduleState end) {
    ObjectNode pruning = Json.MAPPER.createObjectNode();
    pruning.put("method", method.id());
    pruning.set("options", Json.MAPPER.valueToTree(config.options()));
    pruning.put("schedule", config.schedule().cliName());
    if (method.reachesTargetDensity()) {
      pruning.put("target_density", config.density());
    } else {
      pruning.putNull("target_density");
    }
    pruning.put("rewind", config.rewind());
    pruning.put("checkpoint", config.keepBest() ? "best validation accuracy" : "last epoch");
    pruning.set("rounds", Json.MAPPER.valueToTree(end.rounds()));
    pruning.set("details", Json.MAPPER.valueToTree(end.details()));
    if (config.finalPrune() != null) {
      pruning.put("final_density", config.finalPrune().density());
    }
    return pruning;
  }

  private static Model readInitial(RunDirectory parent) {
    if (!java.nio.file.Files.isRegularFile(parent.initial())) {
      throw new InvalidInputException("--rewind needs the parent's initial weights, but " + parent.initial()
          + " is missing: retrain the parent with this version of Prunus");
    }
    return parent.readModelFile(parent.initial()).model();
  }
}
