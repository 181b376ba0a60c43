/**
 * The pruning methods, one file each: magnitude, random, l1-structured and SNIP baselines, RGP and
 * Small-World; NNrelief and data-free merging, which need several files, have the sub-packages {@code relief}
 * and {@code datafree}. Each implements {@link dev.prunus.prune.PruningMethod} with a factory that
 * {@link dev.prunus.prune.MethodRegistry} lists, and its class Javadoc cites the paper and says where Prunus
 * departs from it.
 */
package dev.prunus.prune.method;
