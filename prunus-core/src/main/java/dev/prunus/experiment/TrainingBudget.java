package dev.prunus.experiment;

import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;

/**
 * The training budget of an experiment's runs, as written in its file: epochs, batch size, optimiser,
 * learning rate and schedule. The seed is not part of it: each run takes the seed of its grid cell.
 *
 * @param lr the learning rate, or null for the optimiser's default (0.01 for sgd, 0.001 for adam)
 * @param augment random crop and flip, or null for the dataset's default (on for CIFAR)
 */
public record TrainingBudget(
    int epochs, int batchSize, String optimizer, Double lr, double momentum, boolean nesterov, double weightDecay,
    String lrSchedule, Boolean augment) {

  /** The command line's defaults ({@code prunus train}): 10 epochs of SGD 0.01, momentum 0.9, batch 64. */
  public static final TrainingBudget DEFAULT =
      new TrainingBudget(10, 64, "sgd", null, 0.9, false, 0, "constant", null);

  public TrainingBudget withEpochs(int e) {
    return new TrainingBudget(e, batchSize, optimizer, lr, momentum, nesterov, weightDecay, lrSchedule, augment);
  }

  /** The trainer's configuration for a run with {@code seed}. */
  public TrainingConfig toConfig(long seed, boolean augmentByDefault) {
    OptimizerConfig o = optimizer.equals("adam")
        ? new OptimizerConfig.Adam(lr == null ? 0.001 : lr, 0.9, 0.999, 1e-8, weightDecay)
        : new OptimizerConfig.Sgd(lr == null ? 0.01 : lr, momentum, nesterov, weightDecay);
    return new TrainingConfig(epochs, batchSize, o, LearningRateSchedule.parse(lrSchedule), seed,
        augment == null ? augmentByDefault : augment);
  }
}
