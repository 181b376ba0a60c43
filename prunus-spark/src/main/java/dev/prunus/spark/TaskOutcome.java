package dev.prunus.spark;

import java.io.Serializable;

/**
 * What a {@link RunTask} sends back to the driver: the run finished (its metrics.json is in the run
 * directory), or it failed for a reason its own process reported, which no retry would change; and the
 * seconds the task's last attempt took on its executor.
 */
record TaskOutcome(boolean finished, String message, double seconds) implements Serializable {
  static TaskOutcome done(double seconds) {
    return new TaskOutcome(true, null, seconds);
  }

  static TaskOutcome failed(String why, double seconds) {
    return new TaskOutcome(false, why, seconds);
  }
}
