/**
 * Masked training on DJL over libtorch: {@link dev.prunus.train.TrainableNetwork} (a model in native memory,
 * its masks re-applied after every optimiser step so that pruned weights stay exactly zero), the
 * {@link dev.prunus.train.Trainer}, SGD and Adam, learning-rate schedules, seeded batch order, evaluation and
 * checkpoints. It turns a {@code model.Model} into a trained one; {@code run} drives it.
 */
package dev.prunus.train;
