package dev.prunus.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one run of the grid in one invocation of an experiment.
 *
 * @param metrics the run's metrics.json (null unless finished or skipped)
 * @param error why it failed or was blocked (null otherwise)
 * @param seconds wall time of this invocation's work on it (0 when skipped or blocked)
 */
public record RunOutcome(PlannedRun run, Status status, JsonNode metrics, String error, double seconds) {
  /** How a run ended. */
  public enum Status {
    /** Ran to its metrics.json in this invocation. */
    FINISHED,
    /** Already finished by an earlier invocation (its metrics.json exists); not run again. */
    SKIPPED,
    /** Threw; its half-written directory is cleaned and redone next time. */
    FAILED,
    /** Not run because the dense baseline it prunes failed. */
    BLOCKED
  }

  public boolean hasMetrics() {
    return status == Status.FINISHED || status == Status.SKIPPED;
  }
}
