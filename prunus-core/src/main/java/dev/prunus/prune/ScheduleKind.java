package dev.prunus.prune;

import dev.prunus.CliName;

/** When pruning happens relative to training. */
public enum ScheduleKind implements CliName {
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
    return CliName.lookUp(ScheduleKind.class, name, "schedule", "schedules");
  }
}
