package dev.prunus.prune.schedule;

import dev.prunus.prune.PruningPlan;

/** Hears each round a {@link Schedule} finishes: where a caller keeps a checkpoint to resume from. */
@FunctionalInterface
public interface RoundListener {
  /** Hears nothing. */
  RoundListener NONE = (state, plan) -> {};

  /** Round {@code state.roundsDone()} is finished: {@code plan} applied, the model retrained, its record made. */
  void roundFinished(ScheduleState state, PruningPlan plan);
}
