package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ClusterEngine;
import dev.prunus.experiment.ClusterSession;
import dev.prunus.experiment.ExperimentFile;
import dev.prunus.experiment.ExperimentGrid;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.experiment.ExperimentSpec;
import dev.prunus.experiment.RemoteExperiment;
import dev.prunus.experiment.ResultsFiles;
import dev.prunus.experiment.RunOutcome;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.report.ReportRuns;
import dev.prunus.report.SummaryTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus experiment}: runs a grid of models x datasets x methods x densities x seeds, resumably. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Run the grid of an experiment file: models x datasets x methods x densities",
        "x seeds, into one directory. One dense baseline per (model, dataset, seed) is",
        "shared by the methods that prune a trained model; results.csv and results.json",
        "hold one row per run. After a kill, run the same command: finished runs are",
        "kept, a dense baseline resumes from its last epoch, a pruning run from its",
        "last round, other half-written runs are redone. File format:",
        "experiments/README.md. With --spark, each run is a task on Apache Spark."})
final class ExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (.yaml).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The experiment's directory (default: prunus-runs/NAME, NAME from the file). With --spark "
          + "also a Hadoop file system URI (hdfs://NAMENODE/PATH): each run then works in a scratch directory "
          + "on its executor and is copied there.")
  String out;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
      description = "Runs side by side, each in its own process (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--yes", description = "Run a grid of more than " + ExperimentGrid.CONFIRM_ABOVE
      + " runs (refused without it, as most likely a mistake).")
  boolean yes;

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1",
      description = "Run each run as one task on Apache Spark, in a new JVM on an executor: local[N] (this "
          + "machine), spark://HOST:PORT, yarn; without MASTER, the one spark-submit gives. --out must be on "
          + "storage every executor sees, or a Hadoop file system URI. Needs the prunus-spark module (README: "
          + "Experiments on Spark). Put FILE before --spark.")
  String master;

  @Option(names = "--run", paramLabel = "ID", hidden = true,
      description = "Run only this run of the grid (how --jobs starts each run in its own process).")
  String run;

  @Override
  public Integer call() throws IOException {
    engine.prepare(spec.commandLine().getErr());
    PrintWriter o = spec.commandLine().getOut();
    MethodRegistry registry = MethodRegistry.standard();
    ExperimentSpec experiment = ExperimentFile.read(file, registry);
    if (run == null) {
      ExperimentGrid.checkSize(experiment, yes);
    }
    Optional<URI> uri = fileSystemUri(out);
    if (uri.isPresent() && (master == null || run != null)) {
      throw new InvalidInputException("--out " + out + " is a file system URI, which only --spark writes to (each "
          + "run in a scratch directory on its executor, copied up to the URI): add --spark MASTER, or give --out "
          + "a local directory");
    }
    Path dir = uri.isPresent() ? null : out != null ? Path.of(out) : Path.of("prunus-runs", experiment.name());
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    if (run != null) {
      // a child of --jobs: stop if the experiment that started it dies, so no run outlives a kill
      ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
      RunOutcome r = new ExperimentRunner(registry, data::load, new GridProgress(o), command)
          .runOne(experiment, dir, run);
      if (!r.hasMetrics()) {
        throw new IllegalStateException(r.error());
      }
      return PrunusCommand.OK;
    }
    o.println("experiment " + experiment.name() + " into " + (uri.isPresent() ? uri.get() : dir));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ExperimentRunner.Summary s;
    if (master != null) {
      s = onCluster(experiment, text, dir, uri, registry, data, command, o);
      dir = s.directory(); // a URI's: the local working copy
    } else {
      try (GridProgress progress = new GridProgress(o)) {
        s = new ExperimentRunner(registry, data::load, progress, command).withLauncher(new ProcessLauncher(jobs))
            .run(experiment, text, dir, jobs);
      }
    }
    o.println();
    if (ResultsFiles.exists(dir) && !ResultsFiles.read(dir).isEmpty()) {
      o.print(SummaryTable.text(ReportRuns.read(List.of(dir))));
    }
    if (uri.isPresent()) {
      reportOutcomes(s, uri.get(), o, spec.commandLine().getErr());
      o.println("report: prunus report " + dir + " --out report.html  (" + dir + ": the local working copy of "
          + uri.get() + ", made afresh by each invocation)");
    } else {
      reportOutcomes(s, o, spec.commandLine().getErr());
      o.println("report: prunus report " + dir + " --out " + dir.resolve("report.html"));
    }
    return PrunusCommand.OK;
  }

  /**
   * The URI {@code out} names when it is one of a file system ({@code scheme://...} or {@code scheme:/...},
   * the scheme two letters or more, so that {@code C:/} stays a path); empty for a local path.
   */
  static Optional<URI> fileSystemUri(String out) {
    if (out == null || !out.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(out));
    } catch (URISyntaxException e) {
      throw new InvalidInputException("--out " + out + " is not a valid URI (" + e.getMessage() + "): write a "
          + "space as %20, or give --out a local directory");
    }
  }

  /**
   * The grid with each run handed to Spark as one task: as many at once as the runner allows; into
   * {@code uri}, a file system URI, when there is one, otherwise into {@code dir}, which every executor sees.
   */
  private ExperimentRunner.Summary onCluster(ExperimentSpec experiment, String text, Path dir, Optional<URI> uri,
      MethodRegistry registry, DatasetRepository data, List<String> command, PrintWriter o) {
    if (jobs != 1) {
      throw new InvalidInputException("--jobs " + jobs + " and --spark exclude each other: on Spark the cluster's "
          + "task slots set how many runs go side by side (each with spark.task.cpus libtorch threads)");
    }
    ClusterEngine spark = ClusterEngine.find("spark").orElseThrow(() -> new InvalidInputException(
        "--spark needs the prunus-spark module on the class path, which this prunus lacks: build it with "
            + "`mvn -B -q -DskipTests package` and run ./prunus (it adds prunus-spark for --spark), or submit "
            + "prunus-spark/target/prunus-spark-submit.jar with spark-submit (README: Experiments on Spark)"));
    // each run's JVM checks the engine of its own node, unless told otherwise here
    try (ClusterSession cluster = spark.connect(master.isEmpty() ? null : master, "prunus experiment " + experiment.name(),
        engine.asGiven());
        GridProgress progress = new GridProgress(o)) {
      o.println("on " + cluster.description());
      ExperimentRunner runner = new ExperimentRunner(registry, data::load, progress, command);
      if (uri.isEmpty()) {
        return runner.withLauncher(cluster).run(experiment, text, dir, ExperimentRunner.MAX_JOBS);
      }
      try (RemoteExperiment remote = cluster.remote(uri.get(), experiment.name())) {
        o.println("working copy " + remote.workingCopy() + "; each run in a scratch directory on its executor");
        return runner.withLauncher(remote).run(experiment, text, remote.workingCopy(), ExperimentRunner.MAX_JOBS);
      }
    }
  }

  /**
   * Prints what an invocation did and where the results are; throws, listing them on {@code err}, when
   * some runs did not finish.
   */
  static void reportOutcomes(ExperimentRunner.Summary s, PrintWriter o, PrintWriter err) {
    reportOutcomes(s, s.directory().resolve(ResultsFiles.CSV).toString(),
        s.directory().resolve(ResultsFiles.JSON).toString(), o, err);
  }

  /** {@link #reportOutcomes(ExperimentRunner.Summary, PrintWriter, PrintWriter)}, the results at {@code uri}. */
  static void reportOutcomes(ExperimentRunner.Summary s, URI uri, PrintWriter o, PrintWriter err) {
    String at = uri.toString().endsWith("/") ? uri.toString() : uri + "/";
    reportOutcomes(s, at + ResultsFiles.CSV, at + ResultsFiles.JSON, o, err);
  }

  private static void reportOutcomes(ExperimentRunner.Summary s, String csv, String json, PrintWriter o,
      PrintWriter err) {
    o.printf(Locale.ROOT, "%d runs: %d run now, %d finished before, %d failed, %d not run; results in %s and %s%n",
        s.outcomes().size(), s.count(RunOutcome.Status.FINISHED), s.count(RunOutcome.Status.SKIPPED),
        s.count(RunOutcome.Status.FAILED), s.count(RunOutcome.Status.BLOCKED), csv, json);
    if (!s.problems().isEmpty()) {
      s.problems().forEach(p -> err.println("  " + p.run().id() + ": " + p.error()));
      throw new IllegalStateException(s.problems().size() + " runs did not finish (listed above): fix the cause and "
          + "run the same command again; finished runs are kept");
    }
  }
}
