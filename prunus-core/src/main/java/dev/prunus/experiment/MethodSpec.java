package dev.prunus.experiment;

import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import java.util.List;
import java.util.Map;

/**
 * One entry of an experiment's {@code methods} list: a registered method id with its options and
 * schedule, under a label that names its runs (the id unless two entries share it).
 *
 * @param densities the target densities of this entry (the experiment's unless it overrides them)
 * @param fineTune training after each prune of a trained model (at-init entries use the experiment's
 *     {@code training} budget instead, since they train from scratch)
 * @param keepBest each round keeps its epoch of best validation accuracy, not its last
 * @param finalPrune magnitude pruning to a final density with fine-tuning after the run (null for none)
 */
public record MethodSpec(
    String id, String label, ScheduleKind schedule, int rounds, boolean rewind, boolean compact,
    Map<String, String> options, List<Double> densities, TrainingBudget fineTune, boolean keepBest,
    Schedule.FinalPhase finalPrune) {
  public MethodSpec {
    options = Map.copyOf(options);
    densities = List.copyOf(densities);
  }

  /** Whether the entry trains from scratch (at-init) rather than pruning the shared dense baseline. */
  public boolean atInit() {
    return schedule == ScheduleKind.AT_INIT;
  }
}
