/**
 * Data-free neuron merging (Srinivas &amp; Venkatesh Babu, BMVC 2015) and its two baselines:
 * {@link dev.prunus.prune.method.datafree.DataFree} merges the most similar neurons of hidden fully connected
 * layers from the weights alone, {@code random-neuron} and {@code naive-neuron} drop neurons without surgery.
 * Shared here: the hidden layers they may prune, the pairwise distances, the greedy merge sequence, the knee
 * of its saliency curve and the per-layer counts. Their plans are unit removals, which
 * {@link dev.prunus.prune.Compactor} turns into a physically smaller model.
 */
package dev.prunus.prune.method.datafree;
