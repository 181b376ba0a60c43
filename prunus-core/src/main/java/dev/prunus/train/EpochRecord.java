package dev.prunus.train;

/**
 * What one epoch did (epochs counted from 1): the mean training loss and accuracy over its steps, the
 * validation loss and accuracy after it, its learning rate and wall time.
 */
public record EpochRecord(
    int epoch, double lr, double trainLoss, double trainAccuracy, double validationLoss,
    double validationAccuracy, double seconds) {}
