/**
 * Pruning schedules: {@link dev.prunus.prune.schedule.Schedule} runs a {@link dev.prunus.prune.PruningMethod}
 * on a model at initialisation, once after training or iteratively (optionally rewinding, optionally with a
 * final magnitude phase), training after every prune, with a typed {@link dev.prunus.prune.schedule.Round}
 * record per round and a {@link dev.prunus.prune.schedule.ScheduleState} to resume from. It uses the methods
 * and appliers of {@code prune} and the trainer of {@code train}; {@code run.PruneRun} wraps it in a run
 * directory.
 */
package dev.prunus.prune.schedule;
