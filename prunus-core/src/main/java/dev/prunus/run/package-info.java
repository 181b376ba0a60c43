/**
 * Runs: the run directory (model, checkpoints, plan, provenance.json, metrics.json, its lock), a training run
 * and a pruning run (a {@code prune.schedule.Schedule} with a checkpoint after every round), the neuron
 * sweep, and the provenance and metrics each writes. What the command line's {@code train}, {@code prune}
 * and {@code sweep} do, built from {@code train}, {@code prune}, {@code measure} and {@code io};
 * {@code experiment} runs grids of them.
 */
package dev.prunus.run;
