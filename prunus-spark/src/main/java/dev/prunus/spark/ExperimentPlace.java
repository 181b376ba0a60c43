package dev.prunus.spark;

import java.io.IOException;
import java.io.Serializable;

/**
 * Where a task's run finds its experiment, as the driver describes it to the task: a directory every
 * executor sees ({@link SharedDirectory}) or a Hadoop file system URI ({@link HadoopPlace}). Sent with the
 * task; {@link #open} makes it usable on the executor.
 */
interface ExperimentPlace extends Serializable {
  /**
   * The workspace of run {@code runId} on this executor.
   *
   * @throws dev.prunus.InvalidInputException when the run cannot run here for a reason no retry would change
   *     (the experiment is not visible on this node, its dense baseline is missing); the task then fails it
   * @throws IOException when the storage failed; the task then fails, and Spark tries it again
   */
  TaskWorkspace open(String runId) throws IOException;
}
