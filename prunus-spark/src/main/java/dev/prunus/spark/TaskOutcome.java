package dev.prunus.spark;

import java.io.Serializable;

/**
 * What a {@link RunTask} sends back to the driver: the run finished (its metrics.json is in the run
 * directory), or it failed for a reason its own process reported, which no retry would change.
 */
record TaskOutcome(boolean finished, String message) implements Serializable {
  static TaskOutcome done() {
    return new TaskOutcome(true, null);
  }

  static TaskOutcome failed(String why) {
    return new TaskOutcome(false, why);
  }
}
