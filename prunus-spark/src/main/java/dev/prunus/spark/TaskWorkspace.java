package dev.prunus.spark;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The experiment directory as one task's run uses it on its executor ({@link ExperimentPlace#open}): the
 * local directory the run's JVM is given as {@code --out}, the file its output is appended to, and what is
 * copied where while the JVM runs and after it exited. For a directory every executor sees, nothing is
 * copied ({@link SharedDirectory}); for an experiment kept at a Hadoop file system URI, the run is staged
 * in a scratch directory ({@link StagedRun}).
 */
interface TaskWorkspace extends AutoCloseable {
  /** The local experiment directory the run's JVM works in. */
  Path experiment();

  /** The local file the run's output is appended to, after that of earlier attempts. */
  Path log();

  /** Where the user finds the log: {@link #log()}, or where it is copied to. */
  String logName();

  /** Whether an earlier attempt finished the run (and then stopped): there is nothing to run. */
  default boolean finishedBefore() {
    return false;
  }

  /** What staging did, for the log (e.g. which checkpoint it fetched); empty when there is nothing to say. */
  default String staging() {
    return "";
  }

  /** Called about once a second while the run's JVM runs. */
  default void whileRunning() throws IOException {}

  /** After the run's JVM exited: {@code finished} when it exited 0 (its metrics.json is written). */
  default void ended(boolean finished) throws IOException {}

  /** Lets go of what the workspace holds on the executor. */
  @Override
  default void close() {}
}
