package dev.prunus.train;

import dev.prunus.InvalidInputException;

/**
 * How to train: epochs, batch size, optimiser, learning-rate schedule, the seed of the data order (and of
 * augmentation), and whether to augment (random crop and flip, for CIFAR).
 */
public record TrainingConfig(
    int epochs, int batchSize, OptimizerConfig optimizer, LearningRateSchedule schedule, long seed, boolean augment) {
  /** The most epochs a run may train. */
  public static final int MAX_EPOCHS = 100_000;

  public TrainingConfig {
    if (epochs < 0) {
      throw new InvalidInputException("{{epochs=" + epochs + "}} must be 0 or more: e.g. {{epochs=2}}");
    }
    if (epochs > MAX_EPOCHS) {
      throw new InvalidInputException("{{epochs=" + epochs + "}} must be at most " + MAX_EPOCHS + ": e.g. {{epochs=200}}");
    }
    if (batchSize <= 0) {
      throw new InvalidInputException("{{batchSize=" + batchSize + "}} must be at least 1: e.g. {{batchSize=64}}");
    }
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(e, batchSize, optimizer, schedule, seed, augment);
  }
}
