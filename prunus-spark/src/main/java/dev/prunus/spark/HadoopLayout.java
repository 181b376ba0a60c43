package dev.prunus.spark;

import dev.prunus.run.RunDirectory;
import org.apache.hadoop.fs.Path;

/**
 * Where an experiment's files are at its Hadoop file system URI:
 *
 * <pre>
 * URI/experiment.yaml, experiment.json  the spec, as in a local experiment directory (the driver writes them)
 * URI/results.csv, results.json         the results (the driver writes them)
 * URI/runs/LABEL/RUN/                   finished runs only: each arrives whole, renamed in from a staging name
 * URI/logs/LABEL/RUN.log                each run's output, every attempt's
 * URI/unfinished/LABEL/RUN/N/           checkpoint copy N of a run not finished yet (the newest one is kept)
 * </pre>
 *
 * Names that start with {@code _} or {@code .} are staging or hidden files (Hadoop's convention), never
 * part of a run.
 */
record HadoopLayout(Path root) {
  static final String RUNS = "runs";
  static final String LOGS = "logs";
  static final String UNFINISHED = "unfinished";

  /** The layout at {@code uri}, written without a trailing slash (so that one place has one spelling). */
  static HadoopLayout of(java.net.URI uri) {
    // from the parts, decoded: Path(URI) would keep the slash, Path(String) encode a %20 again
    return new HadoopLayout(new Path(uri.getScheme(), uri.getAuthority(), uri.getPath()));
  }

  /** A file at the top of the experiment: the spec's copies, the results. */
  Path file(String name) {
    return new Path(root, name);
  }

  Path runs() {
    return new Path(root, RUNS);
  }

  /** The directory of run {@code id} ({@code LABEL/RUN}), there only once the run finished. */
  Path run(String id) {
    return new Path(runs(), id);
  }

  /** The file whose presence says that run {@code id} finished. */
  Path metrics(String id) {
    return new Path(run(id), RunDirectory.METRICS);
  }

  Path log(String id) {
    return new Path(new Path(root, LOGS), id + ".log");
  }

  Path unfinished() {
    return new Path(root, UNFINISHED);
  }

  /** Where run {@code id}'s checkpoint copies go while it runs. */
  Path unfinished(String id) {
    return new Path(unfinished(), id);
  }

  /** Whether {@code name} is a staging or hidden file, skipped by every listing. */
  static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
