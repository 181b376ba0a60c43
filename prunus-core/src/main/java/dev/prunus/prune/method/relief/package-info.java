/**
 * NNrelief (Dekhovich et al., Machine Learning 2024): activation-based connection pruning, one file per part
 * of the method: the activation statistics on a pruning set, the importance scores, the cumulative-alpha
 * selection rule, backward pruning over the unit graph, and the authors' presets.
 * {@link dev.prunus.prune.method.relief.Relief} is the method; its density is an outcome of its iterations.
 */
package dev.prunus.prune.method.relief;
