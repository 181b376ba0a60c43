package dev.prunus.spark;

import dev.prunus.InvalidInputException;
import dev.prunus.cli.PrunusCommand;
import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ExperimentRunner;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;

/**
 * One run of an experiment as a Spark task, on an executor: {@code prunus experiment DIR/experiment.yaml
 * --out DIR --run ID} in a new JVM, whose output is appended to the run's log under a line naming the
 * attempt. DIR is the experiment directory where every executor sees it, or a scratch copy on this
 * executor of an experiment kept at a Hadoop file system URI ({@link ExperimentPlace}, {@link StagedRun}).
 * A JVM per run rather than the run in the executor's own JVM, because libtorch's
 * thread count is fixed per process when the engine starts, DJL allows one gradient collector per
 * process and libtorch's gradient mode is per thread: two runs sharing an executor JVM (two task slots,
 * or {@code local[N]}) could neither train side by side nor each get its own thread pool. The child gets
 * {@code spark.task.cpus} libtorch threads (so threads = executor cores / runs side by side), costs a
 * JVM start (about a second) per run, and dies with its executor.
 *
 * <p>Exit 0: finished. Exit 1 or 2 with the child's own {@code prunus: } error line: the run failed in a
 * way a retry would not change, sent back as a failed {@link TaskOutcome}. Anything else (killed, out of
 * memory, its JVM crashed): the task throws, so Spark tries it again, and the run resumes from its last
 * checkpoint.
 *
 * @param place where the experiment is
 * @param javaOptions the child JVM's options, split at blanks; after Prunus's own, so they win
 * @param home the dataset cache the driver was given ({@code -Dprunus.home}), or null for each node's own
 * @param runArguments options after the child's {@code --run ID} (the engine options the user gave; the
 *     child checks its own node's engine otherwise)
 */
record RunTask(ExperimentPlace place, String runId, String javaOptions, String home, List<String> runArguments)
    implements Serializable {
  static final String DEFAULT_JAVA_OPTIONS = "-Xmx4g";
  private static final String ERROR_PREFIX = "prunus: ";

  TaskOutcome call() throws IOException, InterruptedException {
    TaskContext task = TaskContext.get();
    long started = System.nanoTime();
    TaskWorkspace work;
    try {
      work = place.open(runId);
    } catch (InvalidInputException e) {
      return TaskOutcome.failed(e.getMessage(), 0);
    }
    try (work) {
      if (work.finishedBefore()) {
        return TaskOutcome.done((System.nanoTime() - started) / 1e9);
      }
      Path log = work.log();
      long start = Files.exists(log) ? Files.size(log) : 0;
      Files.writeString(log, String.format(Locale.ROOT, "--- %s, attempt %d, on %s, %d libtorch thread(s), %s%n%s", runId,
          task.attemptNumber() + 1, host(), task.cpus(), Instant.now(),
          work.staging().isEmpty() ? "" : "--- " + work.staging() + System.lineSeparator()), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process child = new ProcessBuilder(command(work.experiment(), task.cpus())).redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(log.toFile())).start();
      int code;
      try {
        while (!child.waitFor(1, TimeUnit.SECONDS)) {
          if (task.isInterrupted()) {
            throw new InterruptedException("Spark killed the task of " + runId);
          }
          work.whileRunning();
        }
        code = child.exitValue();
      } finally {
        child.destroyForcibly();
      }
      work.ended(code == 0);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (code == 0) {
        return TaskOutcome.done(seconds);
      }
      Optional<String> reported = reportedError(log, start);
      if (reported.isPresent() && (code == PrunusCommand.FAILURE || code == PrunusCommand.USAGE)) {
        return TaskOutcome.failed(reported.get() + " (log " + work.logName() + ")", seconds);
      }
      throw new IllegalStateException(runId + " stopped with exit code " + code + " and no error of its own (killed, "
          + "out of memory, or its JVM died) on attempt " + (task.attemptNumber() + 1) + " on " + host() + "; log "
          + work.logName() + ". Spark tries it again up to spark.task.maxFailures times, each try resuming from the "
          + "run's last checkpoint");
    }
  }

  /** The child's command line: the run in the experiment directory {@code dir}, with {@code threads} libtorch threads. */
  List<String> command(Path dir, int threads) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
    cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
    if (home != null) {
      cmd.add("-D" + DatasetRepository.HOME_PROPERTY + "=" + home);
    }
    Arrays.stream(javaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(cmd::add);
    cmd.addAll(List.of("-cp", classPath(), PrunusCommand.class.getName(), "experiment",
        dir.resolve(ExperimentRunner.SPEC_COPY).toString(), "--out", dir.toString(), "--run", runId));
    cmd.addAll(runArguments);
    return cmd;
  }

  /**
   * The child's class path: this JVM's, when Prunus is on it ({@code ./prunus}, {@code local[N]} from a
   * test); otherwise the jar this class came from, which is then the application jar spark-submit shipped
   * (prunus-spark's shaded jar, which holds everything a run needs and no Spark).
   */
  static String classPath() {
    Path own;
    try {
      own = Path.of(RunTask.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String system = System.getProperty("java.class.path");
    boolean onIt = Arrays.stream(system.split(File.pathSeparator)).filter(s -> !s.isEmpty())
        .anyMatch(s -> Path.of(s).toAbsolutePath().normalize().equals(own.normalize()));
    return onIt ? system : own.toString();
  }

  /** The last {@code prunus: } line the child wrote into {@code log} after byte {@code from}, less that prefix. */
  static Optional<String> reportedError(Path log, long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    String mine = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
        StandardCharsets.UTF_8);
    List<String> lines = mine.lines().filter(l -> l.startsWith(ERROR_PREFIX)).toList();
    return lines.isEmpty() ? Optional.empty()
        : Optional.of(lines.get(lines.size() - 1).substring(ERROR_PREFIX.length()));
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an executor";
    }
  }
}
