package dev.prunus.spark;

import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ExperimentRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An experiment directory every executor sees at the same path (NFS, a FUSE mount): the run's JVM writes
 * its run directory there itself, and its output goes to {@code DIR/logs/ID.log}; nothing is copied.
 *
 * @param experiment the experiment directory, absolute
 */
record SharedDirectory(String experiment) implements ExperimentPlace {
  @Override
  public TaskWorkspace open(String runId) throws IOException {
    Path dir = Path.of(experiment);
    if (!Files.isRegularFile(dir.resolve(ExperimentRunner.SPEC_COPY))) {
      throw new InvalidInputException("the experiment directory " + dir + " is not visible on " + RunTask.host()
          + ": --out must be on storage every executor sees, mounted at the same path on every node");
    }
    Path log = dir.resolve("logs").resolve(runId + ".log");
    Files.createDirectories(log.getParent());
    return new Workspace(dir, log);
  }

  private record Workspace(Path experiment, Path log) implements TaskWorkspace {
    @Override
    public String logName() {
      return log.toString();
    }
  }
}
