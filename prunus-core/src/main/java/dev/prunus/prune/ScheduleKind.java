package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** When pruning happens relative to training (DESIGN.md section 3). */
public enum ScheduleKind {
  /** Plan on the freshly initialised model, then train with the mask fixed (SNIP, RGP, Small-World). */
  AT_INIT("at-init"),
  /** Plan once on a trained model, then optionally fine-tune. */
  ONE_SHOT("one-shot"),
  /** Rounds of prune and retrain, optionally rewinding to the initial weights (lottery-ticket style). */
  ITERATIVE("iterative");

  private final String cliName;

  ScheduleKind(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static ScheduleKind fromName(String name) {
    for (ScheduleKind k : values()) {
      if (k.cliName.equals(name)) {
        return k;
      }
    }
    throw new InvalidInputException("unknown schedule '" + name + "': valid schedules are "
        + Arrays.stream(values()).map(ScheduleKind::cliName).collect(Collectors.joining(", ")));
  }
}
