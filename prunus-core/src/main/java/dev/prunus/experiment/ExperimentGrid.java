package dev.prunus.experiment;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.run.PruneRunConfig;
import dev.prunus.run.TrainingRunConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an experiment into its runs: one dense baseline per (model, dataset, seed), then for every
 * method entry one run per (model, dataset, density, seed). One-shot and iterative entries prune the
 * dense baseline of their (model, dataset, seed) and fine-tune with the entry's budget; at-init entries
 * train from scratch with the experiment's {@code training} budget, so they compare with the baseline
 * at equal training. Dense runs come first, so running the list in order respects every dependency.
 */
public final class ExperimentGrid {
  private ExperimentGrid() {}

  /**
   * Grids with more runs than this are refused unless confirmed ({@code prunus experiment --yes}): a
   * list of 1,000 seeds where 1,000 densities were meant is a mistake worth a question.
   */
  public static final int CONFIRM_ABOVE = 10_000;

  /** The number of runs {@link #expand} gives, computed without expanding. */
  public static long size(ExperimentSpec spec) {
    long cells = (long) spec.models().size() * spec.datasets().size() * spec.seeds().size();
    long runs = cells;
    for (MethodSpec m : spec.methods()) {
      runs += cells * m.densities().size();
    }
    return runs;
  }

  /**
   * Checks, before anything is expanded or run, that the grid has at most {@link #CONFIRM_ABOVE} runs
   * or that its size was {@code confirmed}.
   *
   * @throws InvalidInputException naming the size, where it comes from, and the way to confirm it
   */
  public static void checkSize(ExperimentSpec spec, boolean confirmed) {
    long n = size(spec);
    if (n > CONFIRM_ABOVE && !confirmed) {
      int densities = spec.methods().stream().mapToInt(m -> m.densities().size()).sum();
      throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the experiment %s has %,d runs (%d models "
          + "x %d datasets x %d seeds, times 1 dense baseline plus %d method densities), more than %,d: check its "
          + "seeds and densities, or pass --yes to run them all", spec.name(), n, spec.models().size(),
          spec.datasets().size(), spec.seeds().size(), densities, CONFIRM_ABOVE));
    }
  }

  /** Where an experiment directory keeps its runs. */
  public static Path runsFolder(Path experiment) {
    return experiment.resolve("runs");
  }

  public static List<PlannedRun> expand(ExperimentSpec spec, Path experiment) {
    Path dir = experiment.toAbsolutePath().normalize();
    List<PlannedRun> runs = new ArrayList<>();
    for (ModelId m : spec.models()) {
      for (DatasetRef d : spec.datasets()) {
        for (long s : spec.seeds()) {
          runs.add(dense(spec, m, d, s));
        }
      }
    }
    for (MethodSpec method : spec.methods()) {
      for (ModelId m : spec.models()) {
        for (DatasetRef d : spec.datasets()) {
          for (double density : method.densities()) {
            for (long s : spec.seeds()) {
              runs.add(pruned(spec, method, m, d, density, s, dir));
            }
          }
        }
      }
    }
    return runs;
  }

  static PlannedRun dense(ExperimentSpec spec, ModelId m, DatasetRef d, long seed) {
    return new PlannedRun(denseId(m, d, seed), PlannedRun.DENSE, m, d, seed, null, null,
        runConfig(spec, m, d, spec.training(), seed), null);
  }

  /** A pruning run; its parent's directory is resolved in {@code experiment}. */
  static PlannedRun pruned(
      ExperimentSpec spec, MethodSpec method, ModelId m, DatasetRef d, double density, long seed, Path experiment) {
    String id = method.label() + "/" + m.cliName() + "_" + d.shortName() + "_d" + densityName(density) + "_s" + seed;
    boolean atInit = method.schedule() == ScheduleKind.AT_INIT;
    String parent = atInit ? null : denseId(m, d, seed);
    TrainingRunConfig training = runConfig(spec, m, d, atInit ? spec.training() : method.fineTune(), seed);
    PruneRunConfig config = new PruneRunConfig(method.id(), method.options(), density, method.schedule(),
        method.rounds(), method.rewind(), seed, method.compact(), training,
        parent == null ? null : runsFolder(experiment).resolve(parent).toString(), method.keepBest(),
        method.finalPrune());
    return new PlannedRun(id, method.label(), m, d, seed, density, parent, training, config);
  }

  private static TrainingRunConfig runConfig(ExperimentSpec spec, ModelId m, DatasetRef d, TrainingBudget b, long seed) {
    return new TrainingRunConfig(m, spec.width(), spec.vggHead(), d, spec.validationFraction(),
        b.toConfig(seed, d.augment()), spec.init());
  }

  private static String denseId(ModelId m, DatasetRef d, long seed) {
    return PlannedRun.DENSE + "/" + m.cliName() + "_" + d.shortName() + "_s" + seed;
  }

  /** A density as its shortest decimal: 0.1, 0.05, 1. */
  static String densityName(double density) {
    return BigDecimal.valueOf(density).stripTrailingZeros().toPlainString();
  }
}
