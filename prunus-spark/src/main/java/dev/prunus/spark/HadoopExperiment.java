package dev.prunus.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ExperimentGrid;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.experiment.PlannedRun;
import dev.prunus.experiment.RemoteExperiment;
import dev.prunus.io.FileTrees;
import dev.prunus.run.Json;
import dev.prunus.run.RunLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.broadcast.Broadcast;

/**
 * An experiment kept at a Hadoop file system URI ({@code --out hdfs://...} with {@code --spark}), on the
 * driver: the runner works on a local working copy under the scratch root
 * ({@code SCRATCH/experiments/NAME-HASH}), made afresh from the URI by {@link #open}; each run goes to
 * Spark as a task that stages it on its executor ({@link HadoopPlace}, {@link StagedRun}) and, once it
 * finished at the URI, is copied into the working copy less its model files; the spec and the results the
 * runner writes are copied up ({@link #published}). Every file at the URI is read and written through
 * Hadoop's {@link FileSystem} API ({@link HadoopLayout} says where).
 */
final class HadoopExperiment implements RemoteExperiment {
  /** What the working copy keeps of a run: all but its model files (weights, checkpoints, the plan). */
  private static final Predicate<String> SMALL_FILES = name -> !name.endsWith(".prunus");

  private final SparkRuns spark;
  private final URI uri;
  private final FileSystem fs;
  private final HadoopLayout at;
  private final Path workingCopy;
  private final Broadcast<byte[]> hadoop;
  private final String scratch;

  private HadoopExperiment(SparkRuns spark, URI uri, FileSystem fs, Path workingCopy, Broadcast<byte[]> hadoop,
      String scratch) {
    this.spark = spark;
    this.uri = uri;
    this.fs = fs;
    this.at = HadoopLayout.of(uri);
    this.workingCopy = workingCopy;
    this.hadoop = hadoop;
    this.scratch = scratch;
  }

  /**
   * The experiment {@code name} at {@code uri}, its working copy made afresh.
   *
   * @param conf the driver's Hadoop configuration
   * @param scratch {@code spark.prunus.scratch}, or null
   */
  static HadoopExperiment open(SparkRuns spark, URI uri, String name, Configuration conf, String scratch) {
    FileSystem fs;
    try {
      fs = FileSystem.newInstance(uri, conf);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("--out " + uri + " is on no file system this cluster's Hadoop configuration "
          + "knows (" + e.getMessage() + "): give a URI such as hdfs://NAMENODE:PORT/PATH; another scheme needs its "
          + "connector on the class path and spark.hadoop.fs.SCHEME.impl", e);
    }
    try {
      HadoopLayout at = HadoopLayout.of(uri);
      check(fs, at, uri, name);
      checkWritable(fs, at, uri);
      Path copy = HadoopPlace.scratchRoot(scratch).resolve("experiments")
          .resolve(name + "-" + HadoopPlace.scratchName(at.root().toString()));
      RunLock.checkFree(copy); // another driver of this experiment on this host works in it
      FileTrees.delete(copy);
      pull(fs, at, copy);
      return new HadoopExperiment(spark, uri, fs, copy, spark.broadcast(HadoopPlace.serialized(conf)), scratch);
    } catch (IOException e) {
      closeQuietly(fs);
      throw new UncheckedIOException("could not read " + uri + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(fs);
      throw e;
    }
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public Path workingCopy() {
    return workingCopy;
  }

  /** Runs {@code run} on Spark, staged on its executor, then copies it from the URI into the working copy. */
  @Override
  public double launch(PlannedRun run, Path experiment) throws IOException {
    double seconds = spark.submit(new HadoopPlace(uri.toString(), hadoop, scratch, run.parent()), run);
    Path local = ExperimentGrid.runsFolder(experiment).resolve(run.id());
    FileTrees.delete(local);
    TreeCopy.download(fs, at.run(run.id()), local, SMALL_FILES);
    return seconds;
  }

  @Override
  public void published(Path experiment, List<String> names) {
    for (String name : names) {
      try {
        TreeCopy.replace(experiment.resolve(name), fs, at.file(name));
      } catch (IOException e) {
        throw new UncheckedIOException("could not copy " + name + " to " + uri + ": " + e.getMessage(), e);
      }
    }
  }

  /** Deletes the empty folders runs leave under {@code unfinished/}, and closes the file system. */
  @Override
  public void close() {
    try {
      if (fs.exists(at.unfinished())) {
        for (FileStatus label : fs.listStatus(at.unfinished())) {
          if (label.isDirectory() && fs.listStatus(label.getPath()).length == 0) {
            fs.delete(label.getPath(), false);
          }
        }
        if (fs.listStatus(at.unfinished()).length == 0) {
          fs.delete(at.unfinished(), false);
        }
      }
    } catch (IOException ignored) {
      // empty folders left; harmless
    } finally {
      closeQuietly(fs);
    }
  }

  /**
   * Refuses a URI that is a file, holds another experiment, or holds something that is not an experiment,
   * as the runner refuses such a local directory.
   */
  static void check(FileSystem fs, HadoopLayout at, URI uri, String name) throws IOException {
    if (!fs.exists(at.root())) {
      return;
    }
    if (!fs.getFileStatus(at.root()).isDirectory()) {
      throw new InvalidInputException("--out " + uri + " is a file: choose a directory for the experiment");
    }
    org.apache.hadoop.fs.Path json = at.file(ExperimentRunner.SPEC_JSON);
    if (fs.exists(json)) {
      JsonNode spec;
      try (InputStream in = fs.open(json)) {
        spec = Json.MAPPER.readTree(in);
      } catch (IOException e) {
        throw new InvalidInputException(json + " is not readable (" + e.getMessage() + "): choose another --out");
      }
      String held = spec == null ? "" : spec.path("name").asText();
      if (!held.equals(name)) {
        throw new InvalidInputException("--out " + uri + " holds the experiment '" + held + "', not '" + name
            + "': choose another --out");
      }
      return;
    }
    for (FileStatus s : fs.listStatus(at.root())) {
      if (!HadoopLayout.hidden(s.getPath().getName())) {
        throw new InvalidInputException("--out " + uri + " exists and is not an experiment directory (no "
            + ExperimentRunner.SPEC_JSON + "): choose a new or empty directory");
      }
    }
  }

  /**
   * Makes the experiment's folder at the URI and writes and deletes a hidden file in it, so that a URI this
   * user cannot write to is refused before any run starts.
   */
  static void checkWritable(FileSystem fs, HadoopLayout at, URI uri) {
    org.apache.hadoop.fs.Path probe = at.file("_prunus-write-check");
    try {
      if (!fs.mkdirs(at.root())) {
        throw new IOException("the file system would not make the folder");
      }
      fs.create(probe, true).close();
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write to --out " + uri + " (" + e.getMessage() + "): choose a "
          + "location you can write to", e);
    }
  }

  /** Into the new folder {@code copy}: the spec, and each finished run less its model files. */
  static void pull(FileSystem fs, HadoopLayout at, Path copy) throws IOException {
    java.nio.file.Files.createDirectories(copy);
    for (String name : List.of(ExperimentRunner.SPEC_COPY, ExperimentRunner.SPEC_JSON)) {
      if (fs.exists(at.file(name))) {
        TreeCopy.downloadFile(fs, at.file(name), copy.resolve(name));
      }
    }
    if (!fs.exists(at.runs())) {
      return;
    }
    for (FileStatus label : fs.listStatus(at.runs())) {
      if (!label.isDirectory() || HadoopLayout.hidden(label.getPath().getName())) {
        continue;
      }
      for (FileStatus run : fs.listStatus(label.getPath())) {
        String id = label.getPath().getName() + "/" + run.getPath().getName();
        if (run.isDirectory() && !HadoopLayout.hidden(run.getPath().getName()) && fs.exists(at.metrics(id))) {
          TreeCopy.download(fs, run.getPath(), ExperimentGrid.runsFolder(copy).resolve(id), SMALL_FILES);
        }
      }
    }
  }

  private static void closeQuietly(FileSystem fs) {
    try {
      fs.close();
    } catch (IOException ignored) {
      // nothing was written through it that is not closed already
    }
  }
}
