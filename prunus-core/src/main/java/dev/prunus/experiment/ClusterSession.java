package dev.prunus.experiment;

import java.net.URI;

/**
 * A connection to a cluster ({@link ClusterEngine#connect}) that runs each run it is handed as one task,
 * on whichever executor the cluster picks, into the experiment directory, which every executor must see
 * (or, through {@link #remote}, into an experiment kept at a file system URI).
 * {@link #launch} is called from several threads at once, and returns when the task has ended.
 */
public interface ClusterSession extends RunLauncher, AutoCloseable {
  /** One line on what this session runs on: engine, version, master, task slots. */
  String description();

  /**
   * The experiment {@code name} kept at {@code uri}, a URI of a file system the cluster reaches, in place
   * of a directory every executor sees: the runner works on its {@link RemoteExperiment#workingCopy()},
   * made now from what is at {@code uri}, and hands each run to it.
   *
   * @throws dev.prunus.InvalidInputException when the cluster knows no file system for {@code uri}, or
   *     {@code uri} is a file, or a directory that holds something else than this experiment
   */
  RemoteExperiment remote(URI uri, String name);

  /** Disconnects; runs still going are cancelled. */
  @Override
  void close();
}
