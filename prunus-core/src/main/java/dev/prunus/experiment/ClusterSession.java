package dev.prunus.experiment;

/**
 * A connection to a cluster ({@link ClusterEngine#connect}) that runs each run it is handed as one task,
 * on whichever executor the cluster picks, into the experiment directory, which every executor must see.
 * {@link #launch} is called from several threads at once, and returns when the task has ended.
 */
public interface ClusterSession extends RunLauncher, AutoCloseable {
  /** One line on what this session runs on: engine, version, master, task slots. */
  String description();

  /** Disconnects; runs still going are cancelled. */
  @Override
  void close();
}
