package dev.prunus.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.Model;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PlanFile;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ProportionalMagnitude;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.OutputComparison;
import dev.prunus.train.PhaseTimes;
import dev.prunus.train.TrainableNetwork;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prunes a model with a method under a schedule into a run directory (what {@code prunus prune} does).
 *
 * <ul>
 *   <li>at-init: plan on freshly initialised weights, then train from scratch with the mask fixed;
 *   <li>one-shot: plan on the parent run's trained model, then fine-tune;
 *   <li>iterative: rounds of plan and retrain, the density falling geometrically to the target,
 *       optionally rewinding the surviving weights to the parent's initial weights (Frankle &amp; Carbin);
 *       for a method whose density is an outcome (NNrelief), {@code rounds} iterations of its own rule
 *       (prune, rebuild the optimiser, retrain), the target ignored.
 * </ul>
 * Optionally a final phase: proportional magnitude pruning to a final density, then fine-tuning (recorded as
 * one more round, with {@code phase}).
 * Each round can keep its best epoch by validation accuracy ({@code keepBest}); every round is recorded
 * in metrics.json ({@link RoundRecord}): density per layer, accuracies, structured FLOPs, the method's
 * details and the shortcut masks.
 * A new optimiser is built for every round's training, so no optimiser state revives a pruned weight.
 * Like {@link TrainingRun}, the run directory is locked, and inputs are checked and data loaded before
 * anything is written in it.
 *
 * <p>Resumable by rounds: after every round (the final phase included) the run writes, atomically, a
 * {@link RoundCheckpoint} ({@value RunDirectory#ROUND_CHECKPOINT}: the model with its masks, the round
 * records so far, the totals), and {@link #resume} continues a killed run from the round after it. Nothing
 * else carries over between rounds: each round's seed is a function of its number, its trainer and
 * optimiser are new, the methods keep no state between plans, and rewinding reads the parent's initial
 * weights again, so a resumed run ends with the model, masks and metrics (all but the timings) of an
 * uninterrupted one. A round is the unit: a run killed mid-round redoes that round. The round checkpoint is
 * deleted once metrics.json is written (the final model and every round's record are then in the run);
 * the plan of round 1 ({@value RunDirectory#PLAN}) is written once, in round 1.
 */
public final class PruneRun {
  private PruneRun() {}

  public static TrainingRun.Result execute(
      PruneRunConfig config, Path out, List<String> command, MethodRegistry registry,
      Function<DatasetId, Dataset> data, TrainingListener listener) {
    config.training().checkHeap();
    RunDirectory.checkWritable(out);
    try (RunLock lock = RunLock.acquire(out, String.join(" ", command), listener::notice)) {
      return execute(RunDirectory.checkWritable(out), config, command, registry, data, listener);
    }
  }

  /** {@link #execute}, in the locked and checked run directory {@code dir}. */
  private static TrainingRun.Result execute(RunDirectory dir, PruneRunConfig config, List<String> command,
      MethodRegistry registry, Function<DatasetId, Dataset> data, TrainingListener listener) {
    PruningMethod method = registry.create(config.method(), config.options());
    TrainingRunConfig training = config.training();
    Architecture arch = training.architecture();
    Model start;
    Model initial = null;
    if (config.parentRun() != null) {
      RunDirectory parent = RunDirectory.open(Path.of(config.parentRun()));
      start = parent.readModel();
      initial = config.rewind() ? readInitial(parent) : null;
    } else {
      start = new Model(arch, training.initialWeights());
    }
    method.check(start.architecture(), PruningTarget.ofDensity(method.reachesTargetDensity() ? config.density() : 1));
    PreparedData prepared = PreparedData.of(data.apply(training.dataset()), training.validationFraction(),
        training.training().seed());
    new Provenance("prune", command, Json.MAPPER.valueToTree(config), config.seed(), prepared.reference(),
        Versions.all(), config.parentRun(), Instant.now().toString()).write(dir.provenance());
    RoundCheckpoint noRoundsDone =
        new RoundCheckpoint(0, start, pruningRecord(config, method), null, 0, 0, PhaseTimes.ZERO, List.of());
    return run(dir, config, method, prepared, initial, noRoundsDone, listener);
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
      Path out, MethodRegistry registry, Function<DatasetId, Dataset> data, TrainingListener listener) {
    RunDirectory.checkResumable(out, "prune", RunDirectory.ROUND_CHECKPOINT);
    try (RunLock lock = RunLock.acquire(out, "prunus prune --resume --out " + out, listener::notice)) {
      return resume(RunDirectory.checkResumable(out, "prune", RunDirectory.ROUND_CHECKPOINT), registry, data,
          listener);
    }
  }

  /** {@link #resume}, in the locked and checked run directory {@code dir}. */
  private static TrainingRun.Result resume(
      RunDirectory dir, MethodRegistry registry, Function<DatasetId, Dataset> data, TrainingListener listener) {
    Provenance p = Provenance.read(dir.provenance());
    PruneRunConfig config = p.configAs(PruneRunConfig.class);
    config.training().checkHeap();
    PruningMethod method = registry.create(config.method(), config.options());
    Model initial = config.rewind() ? readInitial(RunDirectory.open(Path.of(config.parentRun()))) : null;
    RoundCheckpoint from = RoundCheckpoint.read(dir);
    TrainingRunConfig training = config.training();
    PreparedData prepared = PreparedData.of(data.apply(training.dataset()), training.validationFraction(),
        training.training().seed());
    prepared.checkSameAs(p.dataset());
    return run(dir, config, method, prepared, initial, from, listener);
  }

  /** metrics.json's {@code pruning} record before the first round: the method, schedule and target. */
  private static ObjectNode pruningRecord(PruneRunConfig config, PruningMethod method) {
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
    pruning.putArray("rounds");
    return pruning;
  }

  /**
   * The rounds after {@code from.roundsDone()}, the final phase (unless done), compaction and the
   * measurements, written to {@code dir}; a round checkpoint after every round, deleted once metrics.json
   * is written.
   */
  private static TrainingRun.Result run(RunDirectory dir, PruneRunConfig config, PruningMethod method,
      PreparedData prepared, Model initial, RoundCheckpoint from, TrainingListener listener) {
    TrainingRunConfig training = config.training();
    Trainer trainer = new Trainer(training.training(), listener);
    ObjectNode pruning = from.pruning();
    ArrayNode rounds = (ArrayNode) pruning.get("rounds");
    Totals totals = new Totals(from);
    Model model = from.model();
    JsonNode details = from.details();
    boolean targeted = method.reachesTargetDensity();
    int total = config.schedule() == ScheduleKind.ITERATIVE ? config.rounds() : 1;
    for (int r = from.roundsDone() + 1; r <= total; r++) {
      PruningTarget target = !targeted ? PruningTarget.ofDensity(1)
          : config.schedule() == ScheduleKind.ITERATIVE ? config.roundTarget(r) : PruningTarget.ofDensity(config.density());
      // a method whose density is an outcome reuses its data sample every iteration (NNrelief's fixed pruning set)
      long seed = targeted ? config.seed() + r - 1 : config.seed();
      PruningContext ctx = new PruningContext(target, seed, Optional.of(prepared.train()));
      long t0 = System.nanoTime();
      PruningPlan plan = method.plan(model, ctx);
      model = MaskApplier.apply(model, plan);
      totals.pruneSeconds += (System.nanoTime() - t0) / 1e9;
      if (r == 1) {
        PlanFile.write(dir.plan(), plan);
      }
      if (config.rewind()) {
        model = new Model(model.architecture(), model.masks().apply(initial.weights()), model.masks());
      }
      ObjectNode round = rounds.addObject();
      round.put("round", r);
      if (targeted) {
        round.put("target_density", target.density());
      }
      model = trainRound(round, model, plan, trainer, prepared, config.keepBest(), totals);
      details = Json.MAPPER.valueToTree(plan.details());
      totals.checkpoint(r, model, pruning, details).write(dir.roundCheckpoint(), training);
    }
    pruning.set("details", details);
    if (config.finalPrune() != null && from.roundsDone() <= total) {
      PruneRunConfig.FinalPrune fp = config.finalPrune();
      long t0 = System.nanoTime();
      PruningPlan last = ProportionalMagnitude.plan(model, fp.density());
      model = MaskApplier.apply(model, last);
      totals.pruneSeconds += (System.nanoTime() - t0) / 1e9;
      ObjectNode round = rounds.addObject();
      round.put("round", total + 1);
      round.put("phase", "final magnitude prune and fine-tune");
      round.put("target_density", fp.density());
      TrainingConfig t = training.training();
      Trainer fineTune = new Trainer(new TrainingConfig(fp.epochs(), t.batchSize(), t.optimizer(), t.schedule(),
          t.seed(), t.augment()), listener);
      model = trainRound(round, model, last, fineTune, prepared, config.keepBest(), totals);
      pruning.put("final_density", fp.density());
      totals.checkpoint(total + 1, model, pruning, details).write(dir.roundCheckpoint(), training);
    }
    if (config.compact()) {
      Model compacted = Compactor.compact(model);
      ObjectNode c = pruning.putObject("compaction");
      c.put("params_before", ModelCounter.count(model).params());
      c.put("params_after", ModelCounter.count(compacted).params());
      c.put("max_abs_output_difference",
          OutputComparison.maxAbsDifference(model, compacted, prepared.validation(), 512));
      model = compacted;
    }
    Evaluation test = evaluate(model, prepared.test());
    Evaluation validation = evaluate(model, prepared.validation());
    ModelFile.write(dir.model(), model, java.util.Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), training));
    ObjectNode metrics = MetricsJson.of(new MetricsJson.Inputs(
        training.model().cliName(), training.dataset().cliName(), method.id(), config.seed(), test, validation,
        ModelCounter.count(model), totals.trainSeconds, totals.pruneSeconds, totals.times, totals.history));
    metrics.put("width", training.width());
    metrics.put("input", training.architecture().input().toString());
    metrics.put("parent_run", config.parentRun());
    metrics.set("pruning", pruning);
    TrainingRun.writeJson(dir.metrics(), metrics);
    dir.deleteCheckpoint(dir.roundCheckpoint());
    return new TrainingRun.Result(dir, model, metrics);
  }

  /** What the rounds add up to: epochs, phase times, seconds spent pruning and training. Mutable, for one run. */
  private static final class Totals {
    final List<EpochRecord> history;
    PhaseTimes times;
    double pruneSeconds;
    double trainSeconds;

    /** The totals of the rounds {@code from} finished. */
    Totals(RoundCheckpoint from) {
      history = new ArrayList<>(from.history());
      times = from.times();
      pruneSeconds = from.pruneSeconds();
      trainSeconds = from.trainSeconds();
    }

    RoundCheckpoint checkpoint(int roundsDone, Model model, ObjectNode pruning, JsonNode details) {
      return new RoundCheckpoint(roundsDone, model, pruning, details, pruneSeconds, trainSeconds, times, history);
    }
  }

  /**
   * Records the pruned model's density and validation accuracy in {@code round}, trains it with
   * {@code trainer} (keeping the best validation epoch if asked), and finishes the round's record.
   */
  private static Model trainRound(ObjectNode round, Model model, PruningPlan plan, Trainer trainer,
      PreparedData prepared, boolean keepBest, Totals totals) {
    round.put("density", ModelCounter.count(model).density());
    round.put("validation_accuracy_before_training", evaluate(model, prepared.validation()).accuracy());
    long t1 = System.nanoTime();
    if (trainer.config().epochs() > 0) {
      BestCheckpoint best = new BestCheckpoint();
      Trainer.Result tr = trainer.train(model, prepared.train(), prepared.validation(), keepBest ? best : null);
      model = keepBest ? best.model() : tr.model();
      if (keepBest) {
        round.put("best_epoch", best.epoch());
      }
      totals.history.addAll(tr.history());
      totals.times = totals.times.plus(tr.times());
    }
    totals.trainSeconds += (System.nanoTime() - t1) / 1e9;
    RoundRecord.finish(round, model, plan, evaluate(model, prepared.validation()), evaluate(model, prepared.test()));
    return model;
  }

  private static Model readInitial(RunDirectory parent) {
    if (!java.nio.file.Files.isRegularFile(parent.initial())) {
      throw new InvalidInputException("--rewind needs the parent's initial weights, but " + parent.initial()
          + " is missing: retrain the parent with this version of Prunus");
    }
    return parent.readModelFile(parent.initial()).model();
  }

  private static Evaluation evaluate(Model model, dev.prunus.data.ImageSet data) {
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      return Evaluator.evaluate(net, data);
    }
  }
}
