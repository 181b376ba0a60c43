package dev.prunus.prune.schedule;

import ai.djl.ndarray.NDManager;
import dev.prunus.InvalidInputException;
import dev.prunus.data.ImageSet;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.ProportionalMagnitude;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.PhaseTimes;
import dev.prunus.train.TrainableNetwork;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When pruning happens relative to training, and how often: a value that runs a {@link PruningMethod} on a
 * model, training after every prune with a {@link TrainingConfig}.
 *
 * <ul>
 *   <li>{@link ScheduleKind#AT_INIT at-init}: plan on freshly initialised weights, then train from scratch
 *       with the mask fixed (SNIP, RGP, Small-World);
 *   <li>{@link ScheduleKind#ONE_SHOT one-shot}: plan once on a trained model, then fine-tune;
 *   <li>{@link ScheduleKind#ITERATIVE iterative}: {@code rounds} of plan and retrain, the density falling
 *       geometrically to {@code density} (round r of R aims at {@code density^(r/R)}), optionally rewinding
 *       the surviving weights to the initial ones after each prune (Frankle &amp; Carbin 2019); for a method
 *       whose density is an outcome (NNrelief) each round is one iteration of its own rule and the target is
 *       ignored.
 * </ul>
 * Optionally a final phase: proportional magnitude pruning of every layer to a final density of the
 * parameters, then fine-tuning (Small-World's phase 3), recorded as one more round. Each round may keep its
 * best epoch by validation accuracy ({@code keepBest}; never the test set). Each round trains with a new
 * optimiser, so no optimiser state revives a pruned weight; round r's seed is {@code seed + r - 1} (the
 * same seed every round for a method whose density is an outcome, which keeps its data sample); the
 * methods keep no state between plans. A schedule therefore resumes exactly from the state after any
 * round ({@link #resume}).
 *
 * @param kind at-init, one-shot or iterative
 * @param density the density to reach, in (0, 1]; ignored by a method whose density is an outcome
 * @param rounds rounds of an iterative schedule (1 for the others), at most {@link #MAX_ROUNDS}
 * @param rewind rewind the surviving weights to the initial ones after each prune (iterative only)
 * @param keepBest keep each round's epoch of best validation accuracy instead of its last
 * @param finalPhase the final magnitude prune and fine-tune, or null
 * @param seed the seed of the method's random choices
 */
public record Schedule(ScheduleKind kind, double density, int rounds, boolean rewind, boolean keepBest,
    FinalPhase finalPhase, long seed) {
  /** The most rounds a schedule may have (published iterative schedules use tens). */
  public static final int MAX_ROUNDS = 1000;

  /**
   * Phase 3: magnitude pruning, each layer in proportion, to {@code density} of the parameters, then
   * {@code epochs} of fine-tuning.
   */
  public record FinalPhase(double density, int epochs) {
    public FinalPhase {
      if (!(density > 0 && density < 1)) {
        throw new InvalidInputException("{{finalDensity=" + density + "}} must be in (0, 1): e.g. 0.023 keeps 2.3% of the "
            + "parameters");
      }
      if (epochs < 0 || epochs > TrainingConfig.MAX_EPOCHS) {
        throw new InvalidInputException("{{finalEpochs=" + epochs + "}} must be in [0, " + TrainingConfig.MAX_EPOCHS + "]");
      }
    }
  }

  public Schedule {
    if (kind == null) {
      throw new InvalidInputException("the schedule's kind is missing: at-init, one-shot or iterative");
    }
    PruningTarget.ofDensity(density);
    if (rounds < 1 || rounds > MAX_ROUNDS) {
      throw new InvalidInputException("rounds=" + rounds + " must be in [1, " + MAX_ROUNDS + "]: each round prunes "
          + "and retrains, e.g. 10");
    }
    if (rounds > 1 && kind != ScheduleKind.ITERATIVE) {
      throw new InvalidInputException("rounds=" + rounds + ": only the iterative schedule has more than one round");
    }
    if (rewind && kind != ScheduleKind.ITERATIVE) {
      throw new InvalidInputException("rewind applies to the iterative schedule only");
    }
    if (finalPhase != null && finalPhase.density() >= density) {
      throw new InvalidInputException("the final density " + finalPhase.density() + " must be below the density "
          + density + ": the final phase prunes further");
    }
  }

  /** Prune once to {@code density} on freshly initialised weights, then train from scratch. */
  public static Schedule atInit(double density, long seed) {
    return new Schedule(ScheduleKind.AT_INIT, density, 1, false, false, null, seed);
  }

  /** Prune a trained model once to {@code density}, then fine-tune. */
  public static Schedule oneShot(double density, long seed) {
    return new Schedule(ScheduleKind.ONE_SHOT, density, 1, false, false, null, seed);
  }

  /** {@code rounds} of prune and retrain down to {@code density}. */
  public static Schedule iterative(double density, int rounds, long seed) {
    return new Schedule(ScheduleKind.ITERATIVE, density, rounds, false, false, null, seed);
  }

  /** This schedule, rewinding the surviving weights to the initial ones after each prune. */
  public Schedule withRewind() {
    return new Schedule(kind, density, rounds, true, keepBest, finalPhase, seed);
  }

  /** This schedule, keeping each round's epoch of best validation accuracy. */
  public Schedule keepingBest() {
    return new Schedule(kind, density, rounds, rewind, true, finalPhase, seed);
  }

  /** This schedule, then magnitude pruning to {@code finalDensity} and {@code epochs} of fine-tuning. */
  public Schedule withFinalPhase(double finalDensity, int epochs) {
    return new Schedule(kind, density, rounds, rewind, keepBest, new FinalPhase(finalDensity, epochs), seed);
  }

  /** The target of round {@code r} (1-based): densities fall geometrically to {@link #density}. */
  public PruningTarget roundTarget(int r) {
    return PruningTarget.ofDensity(Math.pow(density, (double) r / rounds));
  }

  /** The rounds the schedule runs, the final phase included. */
  public int totalRounds() {
    return rounds + (finalPhase == null ? 0 : 1);
  }

  /** The data a schedule trains, validates (chooses epochs) and reports on. */
  public record Data(ImageSet train, ImageSet validation, ImageSet test) {}

  /**
   * Runs every round on {@code start}.
   *
   * @param initial the weights to rewind to, when {@link #rewind}; else null
   * @param training the optimiser, epochs and batch of every round's training
   * @param listener hears every epoch and a slow plan's progress
   * @param rounds hears every finished round
   */
  public ScheduleState run(PruningMethod method, Model start, Model initial, TrainingConfig training, Data data,
      TrainingListener listener, RoundListener rounds) {
    return resume(method, ScheduleState.start(start), initial, training, data, listener, rounds);
  }

  /** Runs the rounds after {@code from.roundsDone()}, as an uninterrupted run would have. */
  public ScheduleState resume(PruningMethod method, ScheduleState from, Model initial, TrainingConfig training,
      Data data, TrainingListener listener, RoundListener roundListener) {
    if (rewind && initial == null) {
      throw new InvalidInputException("a schedule that rewinds needs the initial weights: pass initial");
    }
    method.check(from.model().architecture(), PruningTarget.ofDensity(method.reachesTargetDensity() ? density : 1));
    State s = new State(from);
    boolean targeted = method.reachesTargetDensity();
    for (int r = from.roundsDone() + 1; r <= rounds; r++) {
      PruningTarget target = !targeted ? PruningTarget.ofDensity(1)
          : kind == ScheduleKind.ITERATIVE ? roundTarget(r) : PruningTarget.ofDensity(density);
      long roundSeed = targeted ? seed + r - 1 : seed;
      long t0 = System.nanoTime();
      PruningPlan plan = method.plan(s.model,
          new PruningContext(target, roundSeed, Optional.of(data.train()), listener::planProgress));
      Model pruned = MaskApplier.apply(s.model, plan);
      s.pruneSeconds += (System.nanoTime() - t0) / 1e9;
      if (rewind) {
        pruned = new Model(pruned.architecture(), pruned.masks().apply(initial.weights()), pruned.masks());
      }
      s.round(r, null, targeted ? target.density() : null, pruned, plan, new Trainer(training, listener), data);
      s.details = plan.details();
      roundListener.roundFinished(s.state(r), plan);
    }
    if (finalPhase != null && from.roundsDone() <= rounds) {
      long t0 = System.nanoTime();
      PruningPlan last = ProportionalMagnitude.plan(s.model, finalPhase.density());
      Model pruned = MaskApplier.apply(s.model, last);
      s.pruneSeconds += (System.nanoTime() - t0) / 1e9;
      TrainingConfig fineTune = new TrainingConfig(finalPhase.epochs(), training.batchSize(), training.optimizer(),
          training.schedule(), training.seed(), training.augment());
      s.round(rounds + 1, "final magnitude prune and fine-tune", finalPhase.density(), pruned, last,
          new Trainer(fineTune, listener), data);
      roundListener.roundFinished(s.state(rounds + 1), last);
    }
    return s.state(totalRounds());
  }

  /** The mutable totals of one call. */
  private final class State {
    Model model;
    final List<Round> rounds;
    Map<String, Object> details;
    double pruneSeconds;
    double trainSeconds;
    PhaseTimes times;
    final List<EpochRecord> history;

    State(ScheduleState from) {
      model = from.model();
      rounds = new ArrayList<>(from.rounds());
      details = from.details();
      pruneSeconds = from.pruneSeconds();
      trainSeconds = from.trainSeconds();
      times = from.times();
      history = new ArrayList<>(from.history());
    }

    /** Trains the pruned model (keeping the best validation epoch if asked) and records the round. */
    void round(int number, String phase, Double target, Model pruned, PruningPlan plan, Trainer trainer, Data data) {
      double density = ModelCounter.count(pruned).density();
      double before = evaluate(pruned, data.validation()).accuracy();
      Integer bestEpoch = null;
      long t1 = System.nanoTime();
      Model trained = pruned;
      if (trainer.config().epochs() > 0) {
        BestCheckpoint best = new BestCheckpoint();
        Trainer.Result tr = trainer.train(pruned, data.train(), data.validation(), keepBest ? best : null);
        trained = keepBest ? best.model() : tr.model();
        bestEpoch = keepBest ? best.epoch() : null;
        history.addAll(tr.history());
        times = times.plus(tr.times());
      }
      trainSeconds += (System.nanoTime() - t1) / 1e9;
      rounds.add(Round.of(number, phase, target, density, before, bestEpoch, trained, plan.details(),
          evaluate(trained, data.validation()), evaluate(trained, data.test())));
      model = trained;
    }

    ScheduleState state(int roundsDone) {
      return new ScheduleState(roundsDone, model, rounds, details, pruneSeconds, trainSeconds, times, history);
    }
  }

  /** {@code model}'s loss and accuracy on {@code data}, in inference mode. */
  public static Evaluation evaluate(Model model, ImageSet data) {
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      return Evaluator.evaluate(net, data);
    }
  }
}
