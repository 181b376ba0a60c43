package dev.prunus.run;

import dev.prunus.InvalidInputException;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import java.util.Map;

/**
 * Everything that determines a pruning run: the method and its options, the target density, the
 * schedule (rounds and rewinding for iterative pruning), the seed of the method's random choices, and the
 * training that follows each prune ({@code training}: the model, dataset and split of the run, and the
 * optimiser and epochs of fine-tuning, or of training from scratch for at-init). {@code parentRun} is the
 * trained run pruned (null for at-init, which starts from fresh weights). With {@code compact}, dead units
 * are physically removed at the end, giving a smaller model that computes the same outputs. With
 * {@code keepBest}, each round's training keeps the epoch of best validation accuracy (never the test set).
 * With {@code finalPrune} (null for none), the trained result is then magnitude-pruned, layer by layer in
 * proportion, to a final {@code params.density} and fine-tuned ({@link dev.prunus.prune.ProportionalMagnitude};
 * Small-World's phase 3).
 *
 * <p>For a method that reaches the density it is given
 * ({@link dev.prunus.prune.PruningMethod#reachesTargetDensity()}), iterative rounds step the density
 * geometrically to {@code density}; for one whose density is an outcome (NNrelief),
 * {@code rounds} is the number of iterations and {@code density} is ignored (give 1).
 */
public record PruneRunConfig(
    String method, Map<String, String> options, double density, ScheduleKind schedule, int rounds,
    boolean rewind, long seed, boolean compact, TrainingRunConfig training, String parentRun, boolean keepBest,
    Schedule.FinalPhase finalPrune) {

  /** The most rounds a run may have (published iterative schedules use tens). */
  public static final int MAX_ROUNDS = Schedule.MAX_ROUNDS;

  public PruneRunConfig {
    options = Map.copyOf(options);
    PruningTarget.ofDensity(density);
    if (rounds < 1 || rounds > MAX_ROUNDS) {
      throw new InvalidInputException("{{rounds=" + rounds + "}} must be in [1, " + MAX_ROUNDS + "]: each round prunes "
          + "and retrains, e.g. {{rounds=10}}");
    }
    if (schedule == ScheduleKind.AT_INIT && parentRun != null) {
      throw new InvalidInputException("the at-init schedule starts from fresh weights: use {{model}} and {{dataset}}, not {{parentRun|from}}");
    }
    if (schedule != ScheduleKind.AT_INIT && parentRun == null) {
      throw new InvalidInputException("the " + schedule.cliName() + " schedule prunes a trained model: pass {{parentRun|from=RUN}} "
          + "(the directory of a `prunus train` run)");
    }
    if (finalPrune != null && finalPrune.density() >= density) {
      throw new InvalidInputException("{{finalDensity=" + finalPrune.density() + "}} must be below {{density=" + density + "}}"
          + ": the final phase prunes further");
    }
    if (rewind && schedule != ScheduleKind.ITERATIVE) {
      throw new InvalidInputException("{{rewind}} applies to the iterative schedule only");
    }
  }

  /** Without a final prune. */
  public PruneRunConfig(
      String method, Map<String, String> options, double density, ScheduleKind schedule, int rounds,
      boolean rewind, long seed, boolean compact, TrainingRunConfig training, String parentRun, boolean keepBest) {
    this(method, options, density, schedule, rounds, rewind, seed, compact, training, parentRun, keepBest, null);
  }

  /** Without checkpoint selection: each round keeps its last epoch. */
  public PruneRunConfig(
      String method, Map<String, String> options, double density, ScheduleKind schedule, int rounds,
      boolean rewind, long seed, boolean compact, TrainingRunConfig training, String parentRun) {
    this(method, options, density, schedule, rounds, rewind, seed, compact, training, parentRun, false);
  }

  /** The schedule this configuration runs (one round unless iterative). */
  public Schedule toSchedule() {
    return new Schedule(schedule, density, schedule == ScheduleKind.ITERATIVE ? rounds : 1, rewind, keepBest,
        finalPrune, seed);
  }
}
