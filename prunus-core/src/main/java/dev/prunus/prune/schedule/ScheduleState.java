package dev.prunus.prune.schedule;

import dev.prunus.model.Model;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.PhaseTimes;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link Schedule} stands after round {@code roundsDone} (the final phase counts as a round):
 * the model after it (weights and masks, shortcut masks included), the records of the rounds done, the
 * details of the last plan (empty before the first round), and what the rounds add up to: seconds spent
 * pruning and training, phase times and the epoch history. Enough to continue a killed schedule
 * ({@link Schedule#resume}); a value.
 */
public record ScheduleState(
    int roundsDone, Model model, List<Round> rounds, Map<String, Object> details, double pruneSeconds,
    double trainSeconds, PhaseTimes times, List<EpochRecord> history) {
  public ScheduleState {
    rounds = List.copyOf(rounds);
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    history = List.copyOf(history);
  }

  /** Before the first round: the model to prune. */
  public static ScheduleState start(Model model) {
    return new ScheduleState(0, model, List.of(), Map.of(), 0, 0, PhaseTimes.ZERO, List.of());
  }
}
