package dev.prunus.spark;

import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ExperimentGrid;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.io.FileTrees;
import dev.prunus.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * One run of an experiment kept at a Hadoop file system URI, staged in a scratch directory on its
 * executor ({@link HadoopLayout} says what is where at the URI). Before the run's JVM starts, the scratch
 * directory is emptied and filled from the URI: the spec, the finished dense baseline the run prunes (if
 * any), the newest checkpoint copy of the run itself (if an earlier attempt left one) and the run's log.
 * While the JVM runs, each new checkpoint it writes (a dense baseline's after every epoch, a pruning run's
 * after every round) is copied up as a new numbered copy, renamed into place once whole, and the older
 * copy deleted; so a retry, on any executor, resumes from the last checkpoint copied up. When the run
 * finished, its directory is copied up under a staging name and renamed to {@code runs/ID}, so it appears
 * whole or not at all, and its checkpoint copies are deleted.
 *
 * <p>The scratch directory's path depends only on the scratch root, the URI and the run: a pruning run's
 * provenance records the path of the parent it read, and a retry resumes a checkpoint only when that path
 * is the same, so executors should share the scratch root's path ({@code spark.prunus.scratch}, by default
 * {@code java.io.tmpdir/prunus-scratch}); where it differs, the retry starts the run again from scratch.
 */
final class StagedRun implements TaskWorkspace {
  /** The run's log in the scratch directory, beside the experiment's files. */
  static final String LOG = "attempts.log";

  private final FileSystem fs;
  private final HadoopLayout at;
  private final String runId;
  private final Path scratch;
  private final boolean finishedBefore;
  private final String staging;
  /** The number of the newest checkpoint copy at the URI; 0 when there is none. */
  private long copies;
  /** The checkpoint file last copied up (its name, identity, time and size); null before the first. */
  private List<Object> copied;

  private StagedRun(FileSystem fs, HadoopLayout at, String runId, Path scratch, boolean finishedBefore,
      String staging, long copies) {
    this.fs = fs;
    this.at = at;
    this.runId = runId;
    this.scratch = scratch;
    this.finishedBefore = finishedBefore;
    this.staging = staging;
    this.copies = copies;
  }

  /**
   * Stages run {@code runId} of the experiment {@code at} in a scratch directory under {@code scratchRoot};
   * {@code parent} is the id of the dense baseline it prunes, or null. Takes over {@code fs}, which
   * {@link #close} closes.
   *
   * @throws InvalidInputException when the spec or the parent is not at the URI (no retry would help)
   */
  static StagedRun open(FileSystem fs, HadoopLayout at, String runId, String parent, Path scratchRoot)
      throws IOException {
    Path scratch = scratchRoot.resolve(HadoopPlace.scratchName(at.root() + "\n" + runId));
    if (fs.exists(at.metrics(runId))) {
      return new StagedRun(fs, at, runId, scratch, true, "", 0);
    }
    FileTrees.delete(scratch); // what a killed attempt on this executor left
    Files.createDirectories(scratch);
    org.apache.hadoop.fs.Path spec = at.file(ExperimentRunner.SPEC_COPY);
    if (!fs.exists(spec)) {
      throw new InvalidInputException(spec + " is missing (the driver writes it before it hands out any run): run "
          + "the experiment again from the driver");
    }
    TreeCopy.downloadFile(fs, spec, scratch.resolve(ExperimentRunner.SPEC_COPY));
    if (parent != null) {
      if (!fs.exists(at.metrics(parent))) {
        throw new InvalidInputException(runId + " prunes " + parent + ", which is not finished at " + at.run(parent)
            + ": run the experiment again from the driver, which runs the baseline first");
      }
      TreeCopy.download(fs, at.run(parent), runDirectory(scratch, parent), name -> true);
    }
    OptionalLong newest = newestCopy(fs, at, runId);
    String staging;
    if (newest.isPresent()) {
      org.apache.hadoop.fs.Path copy =
          new org.apache.hadoop.fs.Path(at.unfinished(runId), Long.toString(newest.getAsLong()));
      TreeCopy.download(fs, copy, runDirectory(scratch, runId), name -> true);
      staging = "fetched the checkpoint copied up by an earlier attempt: " + copy;
    } else {
      staging = "no checkpoint at " + at.unfinished(runId) + ": the run starts from the beginning";
    }
    if (fs.exists(at.log(runId))) {
      TreeCopy.downloadFile(fs, at.log(runId), scratch.resolve(LOG));
    }
    return new StagedRun(fs, at, runId, scratch, false, staging, newest.orElse(0));
  }

  @Override
  public Path experiment() {
    return scratch;
  }

  @Override
  public Path log() {
    return scratch.resolve(LOG);
  }

  @Override
  public String logName() {
    return at.log(runId).toString();
  }

  @Override
  public boolean finishedBefore() {
    return finishedBefore;
  }

  @Override
  public String staging() {
    return staging;
  }

  /** Copies the run's checkpoint up when the run wrote a new one since the last copy, and the log with it. */
  @Override
  public void whileRunning() throws IOException {
    List<Object> checkpoint = checkpoint();
    if (checkpoint == null || checkpoint.equals(copied)) {
      return;
    }
    long next = copies + 1;
    org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(at.unfinished(runId), "_" + next);
    fs.delete(staged, true);
    try {
      // every file but metrics.json (written last, it would make the copy look finished); the checkpoint's
      // companions (provenance, initial weights, round 1's plan) are written before the first checkpoint
      TreeCopy.upload(runDirectory(scratch, runId), fs, staged, name -> !name.equals(RunDirectory.METRICS));
    } catch (NoSuchFileException finishing) { // the run deleted its checkpoint: it finished, ended() copies it up
      fs.delete(staged, true);
      return;
    }
    TreeCopy.rename(fs, staged, new org.apache.hadoop.fs.Path(at.unfinished(runId), Long.toString(next)));
    for (FileStatus s : fs.listStatus(at.unfinished(runId))) {
      String name = s.getPath().getName();
      if (name.matches("\\d+") && Long.parseLong(name) < next) {
        fs.delete(s.getPath(), true);
      }
    }
    copies = next;
    copied = checkpoint;
    copyLog();
  }

  /**
   * A finished run: its directory copied up whole and renamed to {@code runs/ID}, its checkpoint copies
   * deleted. Otherwise its last checkpoint, if not copied up yet. The log either way.
   */
  @Override
  public void ended(boolean finished) throws IOException {
    if (!finished) {
      try {
        whileRunning();
        copyLog();
      } catch (IOException e) { // the run's own failure is what the task reports
        note("could not copy the last checkpoint or the log up to " + at.root() + ": " + e);
      }
      return;
    }
    Path dir = runDirectory(scratch, runId);
    if (!Files.isRegularFile(dir.resolve(RunDirectory.METRICS))) {
      throw new IOException(runId + "'s JVM exited 0 and left no " + dir.resolve(RunDirectory.METRICS));
    }
    org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(at.unfinished(runId), "_finished");
    fs.delete(staged, true);
    TreeCopy.upload(dir, fs, staged, name -> true);
    fs.mkdirs(at.run(runId).getParent());
    if (fs.exists(at.metrics(runId))) {
      fs.delete(staged, true); // another attempt got there first: the same run, computed alike
    } else {
      fs.delete(at.run(runId), true); // a half-written directory from elsewhere (not this class's: it renames)
      TreeCopy.rename(fs, staged, at.run(runId));
    }
    fs.delete(at.unfinished(runId), true);
    note("copied to " + at.run(runId));
    copyLog();
  }

  /** Deletes the scratch directory and closes the file system. */
  @Override
  public void close() {
    try {
      FileTrees.delete(scratch);
    } catch (IOException ignored) {
      // the next attempt on this executor empties it first
    }
    try {
      fs.close();
    } catch (IOException ignored) {
      // nothing left to write
    }
  }

  private static Path runDirectory(Path experiment, String id) {
    return ExperimentGrid.runsFolder(experiment).resolve(id);
  }

  /** The number of the newest whole checkpoint copy of {@code runId} at the URI. */
  private static OptionalLong newestCopy(FileSystem fs, HadoopLayout at, String runId) throws IOException {
    if (!fs.exists(at.unfinished(runId))) {
      return OptionalLong.empty();
    }
    OptionalLong newest = OptionalLong.empty();
    for (FileStatus s : fs.listStatus(at.unfinished(runId))) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.matches("\\d+")) {
        long n = Long.parseLong(name);
        newest = newest.isPresent() && newest.getAsLong() >= n ? newest : OptionalLong.of(n);
      }
    }
    return newest;
  }

  /** The run's checkpoint file as it is now (name, file identity, time, size), or null when it has none. */
  private List<Object> checkpoint() throws IOException {
    Path dir = runDirectory(scratch, runId);
    for (String name : List.of(RunDirectory.CHECKPOINT, RunDirectory.ROUND_CHECKPOINT)) {
      try {
        BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
        return List.of(name, String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
      } catch (NoSuchFileException absent) {
        // the other kind, or none yet
      }
    }
    return null;
  }

  /** The run's log, as far as it got, copied up over the one there. */
  private void copyLog() throws IOException {
    if (Files.exists(log())) {
      TreeCopy.replace(log(), fs, at.log(runId));
    }
  }

  private void note(String line) throws IOException {
    Files.writeString(log(), "--- " + line + System.lineSeparator(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
