package dev.prunus.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs one run of a grid outside this process, for {@code --jobs N > 1}: DJL's gradient collector is
 * one per process, so runs that train side by side need a process each. The CLI's launcher starts
 * {@code prunus experiment DIR/experiment.yaml --out DIR --run ID} in a new JVM.
 */
@FunctionalInterface
public interface RunLauncher {
  /**
   * Runs {@code run} of the experiment in {@code experiment} and returns when it has ended; the runner
   * then reads its metrics.json. Throws, with a message that says why, when it did not finish.
   *
   * @return the seconds the run took where it ran, leaving out any wait for a free slot (a cluster queues
   *     the runs it is handed)
   */
  double launch(PlannedRun run, Path experiment) throws Exception;

  /**
   * The runner has just (re)written {@code names}, files at the top of the experiment directory
   * {@code experiment} (the spec's copies, the results): a launcher that keeps the experiment elsewhere
   * than that directory (a {@link RemoteExperiment}) copies them there. Called by one thread at a time;
   * nothing to do for a launcher whose runs write into {@code experiment} itself.
   */
  default void published(Path experiment, List<String> names) {}
}
