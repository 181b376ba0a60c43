/**
 * What a network is, as immutable values: layer specs, the {@link dev.prunus.model.Architecture} (a graph of
 * operations, lowered from sequential and residual descriptions), {@link dev.prunus.model.Weights},
 * {@link dev.prunus.model.Mask}s and the {@link dev.prunus.model.Model} that holds all three, with seeded
 * initialisation. Pruning ({@code prune}) reads and returns models; {@code train} copies one into native
 * memory to train it; {@code zoo} builds the standard architectures.
 */
package dev.prunus.model;
