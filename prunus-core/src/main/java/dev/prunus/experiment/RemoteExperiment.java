package dev.prunus.experiment;

import java.net.URI;
import java.nio.file.Path;

/**
 * An experiment kept on a file system that a cluster reaches by URI ({@code hdfs://...}, or any file system
 * of the cluster's Hadoop configuration on Spark) instead of in a directory every executor sees
 * ({@link ClusterSession#remote}). The runner works on a local working copy of it, as on any experiment
 * directory: the copy holds the spec and every run that had finished at the URI when this was made, less
 * its model files (the runner reads provenance.json and metrics.json to skip finished runs and to make the
 * result rows). {@link #launch} runs a run on an executor against the URI, and once it finished copies
 * its run directory, less its model files, into the working copy; {@link #published} copies the spec and
 * the results the runner wrote in the working copy to the URI. The URI is what counts: each invocation
 * makes the working copy afresh from it.
 */
public interface RemoteExperiment extends RunLauncher, AutoCloseable {
  /** Where the experiment is kept. */
  URI uri();

  /** The runner's local working copy of the experiment. */
  Path workingCopy();

  /** Lets go of the file system; runs handed over and not yet ended are the session's to cancel. */
  @Override
  void close();
}
