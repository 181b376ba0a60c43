package dev.prunus.experiment;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.prunus.CliName;
import dev.prunus.ParameterCheck;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training budget of an experiment's runs, as written in its file: epochs, batch size, optimiser,
 * learning rate and schedule. The seed is not part of it: each run takes the seed of its grid cell.
 *
 * @param optimizer the optimiser: SGD (with {@code momentum} and {@code nesterov}) or Adam
 * @param lr the learning rate, or null for the optimiser's default (0.01 for sgd, 0.001 for adam)
 * @param augment random crop and flip, or null for the dataset's default (on for CIFAR)
 */
public record TrainingBudget(
    int epochs, int batchSize, Optimizer optimizer, Double lr, double momentum, boolean nesterov, double weightDecay,
    String lrSchedule, Boolean augment) {

  /** The command line's defaults ({@code prunus train}): 10 epochs of SGD 0.01, momentum 0.9, batch 64. */
  public static final TrainingBudget DEFAULT =
      new TrainingBudget(10, 64, Optimizer.SGD, null, 0.9, false, 0, "constant", null);

  /** The optimisers an experiment can train with. */
  public enum Optimizer implements CliName {
    /** Stochastic gradient descent, with momentum and optionally Nesterov's; default learning rate 0.01. */
    SGD,
    /** Adam (betas 0.9 and 0.999, epsilon 1e-8); default learning rate 0.001. */
    ADAM;

    /** The names, in declaration order. */
    public static final List<String> CHOICES = Arrays.stream(values()).map(Optimizer::cliName).toList();

    /** The name in files, {@code sgd} or {@code adam}: also how it is written to {@code experiment.json}. */
    @JsonValue
    @Override
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that the optimiser is given and the schedule is one {@link LearningRateSchedule#parse} knows. */
  public TrainingBudget {
    ParameterCheck.present("optimizer", optimizer, "Optimizer.SGD or Optimizer.ADAM");
    LearningRateSchedule.parse(ParameterCheck.present("lrSchedule", lrSchedule, "e.g. constant or cosine"));
  }

  public TrainingBudget withEpochs(int e) {
    return new TrainingBudget(e, batchSize, optimizer, lr, momentum, nesterov, weightDecay, lrSchedule, augment);
  }

  /** The trainer's configuration for a run with {@code seed}. */
  public TrainingConfig toConfig(long seed, boolean augmentByDefault) {
    OptimizerConfig o = optimizer == Optimizer.ADAM
        ? new OptimizerConfig.Adam(lr == null ? 0.001 : lr, 0.9, 0.999, 1e-8, weightDecay)
        : new OptimizerConfig.Sgd(lr == null ? 0.01 : lr, momentum, nesterov, weightDecay);
    return new TrainingConfig(epochs, batchSize, o, LearningRateSchedule.parse(lrSchedule), seed,
        augment == null ? augmentByDefault : augment);
  }
}
