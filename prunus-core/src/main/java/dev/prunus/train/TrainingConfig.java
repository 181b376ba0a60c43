package dev.prunus.train;

import dev.prunus.InvalidInputException;

/**
 * How to train: epochs, batch size, optimiser, learning-rate schedule, the seed of the data order (and of
 * augmentation), and whether to augment (random crop and flip, for CIFAR).
 */
public record TrainingConfig(
    int epochs, int batchSize, OptimizerConfig optimizer, LearningRateSchedule schedule, long seed, boolean augment) {
  public TrainingConfig {
    if (epochs < 0) {
      throw new InvalidInputException("epochs=" + epochs + " must be 0 or more: pass e.g. --epochs 2");
    }
    if (batchSize <= 0) {
      throw new InvalidInputException("batch-size=" + batchSize + " must be at least 1: pass e.g. --batch-size 64");
    }
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(e, batchSize, optimizer, schedule, seed, augment);
  }
}
