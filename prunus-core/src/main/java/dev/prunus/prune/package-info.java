/**
 * Pruning: the {@link dev.prunus.prune.PruningMethod} interface (a method decides what to remove and returns
 * a {@link dev.prunus.prune.PruningPlan}), the registry of methods with their validated options, and the
 * shared appliers that carry plans out: masking ({@link dev.prunus.prune.MaskApplier}, masks only shrink) and
 * compaction ({@link dev.prunus.prune.Compactor}, dead units physically removed), over the channel
 * dependencies of the model's graph. The methods live in {@code prune.method}, the graph-to-mask mapping in
 * {@code prune.relational}, the schedules that run them around training in {@code prune.schedule}.
 */
package dev.prunus.prune;
