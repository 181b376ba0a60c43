package dev.prunus.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.AtomicFiles;
import dev.prunus.io.FileTrees;
import dev.prunus.io.ModelFile;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.run.Json;
import dev.prunus.run.PruneRun;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.RunLock;
import dev.prunus.run.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs an experiment's grid into one directory, resumably:
 *
 * <pre>
 * DIR/experiment.yaml    the file as given (the latest invocation's)
 * DIR/experiment.json    the checked spec
 * DIR/runs/dense/...     one run directory per dense baseline
 * DIR/runs/LABEL/...     one per pruning run
 * DIR/results.json, DIR/results.csv   one row per finished run ({@link ResultRows}), rewritten after runs
 *                                     ({@link RewriteBudget}: after each, unless the files grew so long that
 *                                     rewriting would take more than 5% of the time) and at the end
 * </pre>
 *
 * A run is finished iff its metrics.json exists (runs write it last). Invoked again, the experiment skips
 * finished runs, after checking that each was made with the configuration the file now gives; a killed
 * run with a checkpoint of that configuration resumes from it (a dense baseline from its last epoch, a
 * pruning run from its last round), ending as an uninterrupted run would, and any other half-written
 * directory (killed before its first checkpoint, or made with another configuration) is deleted and
 * redone. With {@code jobs > 1} independent runs go side by side, each in its own process or as a task on
 * a cluster (a {@link RunLauncher}: DJL allows one gradient collector per process); a run that prunes a dense
 * baseline starts only after that baseline finished. A run that fails does not stop the others: it is
 * reported, its dependents are blocked, and the next invocation redoes it.
 */
public final class ExperimentRunner {
  public static final String SPEC_COPY = "experiment.yaml";
  public static final String SPEC_JSON = "experiment.json";
  /** The most runs that go side by side (processes, or runs handed to a cluster at once). */
  public static final int MAX_JOBS = 256;

  /** What one invocation did, run by run in grid order. */
  public record Summary(Path directory, List<RunOutcome> outcomes) {
    public long count(RunOutcome.Status status) {
      return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<RunOutcome> problems() {
      return outcomes.stream().filter(o -> !o.hasMetrics()).toList();
    }
  }

  private final MethodRegistry registry;
  private final Function<DatasetRef, Dataset> data;
  private final ExperimentListener listener;
  private final List<String> command;
  private RunLauncher launcher;

  /**
   * @param data loads a dataset (the CLI passes {@code DatasetRepository::load}); called once per dataset
   * @param command the command line recorded in every run's provenance
   */
  public ExperimentRunner(
      MethodRegistry registry, Function<DatasetRef, Dataset> data, ExperimentListener listener, List<String> command) {
    this.registry = registry;
    this.data = data;
    this.listener = listener;
    this.command = List.copyOf(command);
  }

  /** Runs each run through {@code launcher} (in another process) when more than one job is asked for. */
  public ExperimentRunner withLauncher(RunLauncher launcher) {
    this.launcher = launcher;
    return this;
  }

  public Summary run(ExperimentSpec spec, String specText, Path experiment, int jobs) {
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw new InvalidInputException("--jobs " + jobs + " must be in [1, " + MAX_JOBS
          + "]: e.g. --jobs 2 runs two runs side by side");
    }
    if (jobs > 1 && launcher == null) {
      throw new IllegalStateException("more than one job needs a RunLauncher (one process per run)");
    }
    RunLauncher via = jobs > 1 ? launcher : null;
    checkDirectory(spec, experiment);
    // the experiment's directory is this process's alone; each run's directory is locked by whoever runs it
    // (this process, or the child a launcher starts), never by this process for a child
    try (RunLock lock = RunLock.acquire(experiment, String.join(" ", command), listener::notice)) {
      checkDirectory(spec, experiment); // again, now that no other process can write here
      return runLocked(spec, specText, experiment, jobs, via);
    }
  }

  private Summary runLocked(ExperimentSpec spec, String specText, Path experiment, int jobs, RunLauncher via) {
    List<PlannedRun> runs = ExperimentGrid.expand(spec, experiment);
    Progress progress = new Progress(experiment, runs, via);
    for (int i = 0; i < runs.size(); i++) {
      RunDirectory dir = new RunDirectory(runs.get(i).directory(experiment));
      if (dir.isFinished()) {
        progress.skipped(i, checkFinished(runs.get(i), dir, experiment));
      }
    }
    writeSpec(spec, specText, experiment);
    if (via != null) {
      via.published(experiment, List.of(SPEC_COPY, SPEC_JSON));
    }
    Map<DatasetRef, Dataset> loaded = new HashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      if (progress.outcomes[i] == null) {
        loaded.computeIfAbsent(runs.get(i).dataset(), data);
      }
    }
    listener.started(runs.size(), progress.done.get());
    progress.writeResults();

    AtomicInteger thread = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "experiment-run-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, CompletableFuture<RunOutcome>> byId = new HashMap<>();
      List<CompletableFuture<RunOutcome>> all = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        int index = i;
        PlannedRun r = runs.get(i);
        CompletableFuture<RunOutcome> f;
        if (progress.outcomes[i] != null) {
          f = CompletableFuture.completedFuture(progress.outcomes[i]);
        } else {
          if (r.parent() == null) {
            f = CompletableFuture.supplyAsync(() -> execute(r, experiment, loaded, via), pool);
          } else {
            f = byId.get(r.parent()).thenApplyAsync(p -> p.hasMetrics() ? execute(r, experiment, loaded, via)
                : new RunOutcome(r, RunOutcome.Status.BLOCKED, null,
                    "its dense baseline " + r.parent() + " did not finish", 0), pool);
          }
          f = f.thenApply(o -> progress.settled(index, o));
        }
        byId.put(r.id(), f);
        all.add(f);
      }
      List<RunOutcome> outcomes = new ArrayList<>();
      for (CompletableFuture<RunOutcome> f : all) {
        outcomes.add(f.join());
      }
      progress.writeResults(); // whatever the budget skipped
      return new Summary(experiment, outcomes);
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the one run {@code id} of an experiment in this process (what a {@link RunLauncher}'s child
   * process does), after its dense baseline finished; returns its outcome.
   */
  public RunOutcome runOne(ExperimentSpec spec, Path experiment, String id) {
    List<PlannedRun> runs = ExperimentGrid.expand(spec, experiment);
    PlannedRun r = runs.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
        new InvalidInputException("--run " + id + " is not a run of the experiment " + spec.name()
            + ": its runs are named like " + runs.get(runs.size() - 1).id()));
    if (r.parent() != null && !new RunDirectory(ExperimentGrid.runsFolder(experiment).resolve(r.parent())).isFinished()) {
      throw new InvalidInputException("--run " + id + " prunes " + r.parent() + ", which has not finished: "
          + "run the whole experiment instead");
    }
    return execute(r, experiment, Map.of(r.dataset(), data.apply(r.dataset())), null);
  }

  private RunOutcome execute(PlannedRun r, Path experiment, Map<DatasetRef, Dataset> loaded, RunLauncher via) {
    listener.runStarted(r);
    Path dir = r.directory(experiment);
    long t0 = System.nanoTime();
    if (via != null) {
      try {
        double seconds = via.launch(r, experiment);
        JsonNode metrics = Json.MAPPER.readTree(new RunDirectory(dir).metrics().toFile());
        return new RunOutcome(r, RunOutcome.Status.FINISHED, metrics, null, seconds);
      } catch (Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new RunOutcome(r, RunOutcome.Status.FAILED, null, why, (System.nanoTime() - t0) / 1e9);
      }
    }
    try {
      OptionalInt done = resumable(r, new RunDirectory(dir));
      JsonNode metrics;
      if (done.isPresent()) {
        listener.runResumed(r, done.getAsInt());
        metrics = r.isDense()
            ? TrainingRun.resume(dir, loaded::get, listener.training(r)).metrics()
            : PruneRun.resume(dir, registry, loaded::get, listener.training(r)).metrics();
      } else {
        FileTrees.delete(dir); // what a killed invocation left half-written
        Files.createDirectories(dir.getParent());
        metrics = r.isDense()
            ? TrainingRun.start(r.training(), dir, command, loaded::get, listener.training(r)).metrics()
            : PruneRun.execute(r.pruning(), dir, command, registry, loaded::get, listener.training(r)).metrics();
      }
      return new RunOutcome(r, RunOutcome.Status.FINISHED, metrics, null, (System.nanoTime() - t0) / 1e9);
    } catch (RuntimeException | IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new RunOutcome(r, RunOutcome.Status.FAILED, null, why, (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * How far a killed invocation got with {@code r}, when its directory can be resumed: the epochs of a
   * dense baseline that holds a readable checkpoint and the initial weights, or the rounds of a pruning run
   * that holds a readable round checkpoint; either started with the configuration the spec now gives (a
   * pruning run's parent path included, since resuming reads the parent's initial weights there and records
   * the path). Empty otherwise (nothing to resume, another configuration, an unreadable file), and the run
   * starts again from scratch.
   */
  private static OptionalInt resumable(PlannedRun r, RunDirectory dir) {
    Path checkpoint = r.isDense() ? dir.checkpoint() : dir.roundCheckpoint();
    if (!dir.isRun() || dir.isFinished() || !Files.isRegularFile(checkpoint)
        || r.isDense() && !Files.isRegularFile(dir.initial())) {
      return OptionalInt.empty();
    }
    try {
      JsonNode stored = Json.MAPPER.readTree(dir.provenance().toFile()).get("config");
      if (!r.comparableConfig().equals(comparable(stored))
          || !r.isDense() && !java.util.Objects.equals(stored.path("parentRun").textValue(), r.pruning().parentRun())) {
        return OptionalInt.empty();
      }
      JsonNode done = ModelFile.readStored(checkpoint).meta()
          .get(r.isDense() ? RunDirectory.EPOCHS_DONE : RunDirectory.ROUNDS_DONE);
      return done == null ? OptionalInt.empty() : OptionalInt.of(done.asInt());
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /** A stored run configuration less the parent's path (which moves with the experiment directory). */
  private static ObjectNode comparable(JsonNode stored) {
    ObjectNode c = stored == null || !stored.isObject() ? null : ((ObjectNode) stored).deepCopy();
    if (c != null) {
      c.remove("parentRun");
    }
    return c;
  }

  /** The run an earlier invocation finished, if it computed what this spec asks for; else a clear error. */
  private static RunOutcome checkFinished(PlannedRun r, RunDirectory dir, Path experiment) {
    JsonNode stored;
    JsonNode metrics;
    try {
      stored = Json.MAPPER.readTree(dir.provenance().toFile()).get("config");
      metrics = Json.MAPPER.readTree(dir.metrics().toFile());
    } catch (IOException e) {
      throw new InvalidInputException(dir.path() + " holds unreadable run files (" + e.getMessage()
          + "): delete that directory to redo the run");
    }
    JsonNode expected = r.comparableConfig();
    ObjectNode storedComparable = comparable(stored);
    if (!expected.equals(storedComparable)) {
      throw new InvalidInputException("the finished run " + experiment.relativize(dir.path())
          + " was made with another configuration than the experiment file now gives ("
          + difference(storedComparable, expected) + "): write this experiment to a new --out, "
          + "or delete that run directory to redo it");
    }
    return new RunOutcome(r, RunOutcome.Status.SKIPPED, metrics, null, 0);
  }

  private static String difference(JsonNode stored, JsonNode expected) {
    if (stored == null) {
      return "it has no configuration";
    }
    ObjectNode a = Json.MAPPER.createObjectNode();
    ObjectNode b = Json.MAPPER.createObjectNode();
    ResultRows.flatten("", stored, a);
    ResultRows.flatten("", expected, b);
    List<String> diffs = new ArrayList<>();
    Stream.concat(iterate(a), iterate(b)).distinct().forEach(k -> {
      if (!java.util.Objects.equals(a.get(k), b.get(k))) {
        diffs.add(k + ": " + a.get(k) + " then, " + b.get(k) + " now");
      }
    });
    return String.join("; ", diffs.subList(0, Math.min(3, diffs.size())));
  }

  private static Stream<String> iterate(ObjectNode o) {
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    return keys.stream();
  }

  /** A new or empty directory, or one this experiment wrote before; nothing else is written into. */
  private static void checkDirectory(ExperimentSpec spec, Path experiment) {
    if (Files.exists(experiment) && !Files.isDirectory(experiment)) {
      throw new InvalidInputException("--out " + experiment + " is a file: choose a directory for the experiment");
    }
    Path json = experiment.resolve(SPEC_JSON);
    if (Files.isRegularFile(json)) {
      String name;
      try {
        name = Json.MAPPER.readTree(json.toFile()).path("name").asText();
      } catch (IOException e) {
        throw new InvalidInputException(json + " is not readable (" + e.getMessage() + "): choose another --out");
      }
      if (!name.equals(spec.name())) {
        throw new InvalidInputException("--out " + experiment + " holds the experiment '" + name + "', not '"
            + spec.name() + "': choose another --out");
      }
      return;
    }
    if (Files.isDirectory(experiment)) {
      try (Stream<Path> s = Files.list(experiment)) {
        if (!s.allMatch(RunLock::isLockFile)) {
          throw new InvalidInputException("--out " + experiment + " exists and is not an experiment directory (no "
              + SPEC_JSON + "): choose a new or empty directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void writeSpec(ExperimentSpec spec, String text, Path experiment) {
    try {
      Files.createDirectories(experiment);
      AtomicFiles.writeString(experiment.resolve(SPEC_COPY), text);
      AtomicFiles.writeString(experiment.resolve(SPEC_JSON), Json.MAPPER.writeValueAsString(spec) + "\n");
    } catch (IOException e) {
      throw new InvalidInputException("cannot write to --out " + experiment + ": " + e.getMessage()
          + "; choose a directory you can write to");
    }
  }

  /** The outcomes so far, the result rows of the finished runs, and the results files; thread-safe. */
  private final class Progress {
    final Path experiment;
    final List<PlannedRun> runs;
    /** The launcher the runs go to, which copies the results where it keeps the experiment; null in-process. */
    final RunLauncher via;
    final RunOutcome[] outcomes;
    final Map<Integer, ObjectNode> rows = new LinkedHashMap<>();
    final AtomicInteger done = new AtomicInteger();
    /** The results files are rewritten whole: at most 5% of the time goes to that, however many runs. */
    final RewriteBudget rewrites = new RewriteBudget(0.05, System::nanoTime);

    Progress(Path experiment, List<PlannedRun> runs, RunLauncher via) {
      this.experiment = experiment;
      this.runs = runs;
      this.via = via;
      this.outcomes = new RunOutcome[runs.size()];
    }

    void skipped(int i, RunOutcome o) {
      outcomes[i] = o;
      rows.put(i, row(o));
      done.incrementAndGet();
    }

    synchronized RunOutcome settled(int i, RunOutcome o) {
      outcomes[i] = o;
      if (o.hasMetrics()) {
        rows.put(i, row(o));
        if (rewrites.due()) {
          writeResults();
        }
      }
      listener.runEnded(o, done.incrementAndGet(), runs.size());
      return o;
    }

    synchronized void writeResults() {
      List<ObjectNode> ordered = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        if (rows.containsKey(i)) {
          ordered.add(rows.get(i));
        }
      }
      rewrites.write(() -> {
        ResultsFiles.write(experiment, ordered);
        if (via != null) {
          via.published(experiment, List.of(ResultsFiles.JSON, ResultsFiles.CSV));
        }
      });
    }

    private ObjectNode row(RunOutcome o) {
      PlannedRun r = o.run();
      Path dir = r.directory(experiment);
      JsonNode provenance;
      try {
        provenance = Json.MAPPER.readTree(dir.resolve(RunDirectory.PROVENANCE).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ResultRows.withInference(ResultRows.row(r.id(), r.label(), r.parent(), experiment.relativize(dir).toString(),
          o.metrics(), provenance), dir);
    }
  }
}
