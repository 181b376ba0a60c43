package dev.prunus.experiment;

import dev.prunus.train.TrainingListener;

/**
 * Receives an experiment's progress (a progress bar over the grid, a log). Calls may come from several
 * threads at once when runs go side by side; every method has a do-nothing default.
 */
public interface ExperimentListener {
  ExperimentListener NONE = new ExperimentListener() {};

  /** Before the first run: the grid's size and how many of its runs an earlier invocation finished. */
  default void started(int total, int alreadyFinished) {}

  default void runStarted(PlannedRun run) {}

  /**
   * A run a killed invocation left half-written continues from its checkpoint, after {@code done} epochs
   * of a dense baseline or {@code done} rounds of a pruning run.
   */
  default void runResumed(PlannedRun run, int done) {}

  /** After each run of this invocation (finished, failed or blocked); {@code done} counts every run settled. */
  default void runEnded(RunOutcome outcome, int done, int total) {}

  /** Something the user should know that does not stop the experiment (a stale lock reclaimed). */
  default void notice(String message) {}

  /** The listener for one run's training epochs; by default it passes the run's notices on, naming the run. */
  default TrainingListener training(PlannedRun run) {
    return new TrainingListener() {
      @Override
      public void notice(String message) {
        ExperimentListener.this.notice(run.id() + ": " + message);
      }
    };
  }
}
