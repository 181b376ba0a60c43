package dev.prunus.cli;

import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.experiment.PlannedRun;
import dev.prunus.experiment.RunLauncher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one run of an experiment in a new JVM ({@code prunus experiment DIR/experiment.yaml --out DIR
 * --run ID}), with this JVM's options and class path, its output in {@code DIR/logs/ID.log}. Children
 * are stopped when this process shuts down, and stop themselves if it dies (see
 * {@link ExperimentCommand}), so a killed experiment leaves no run going.
 */
final class ProcessLauncher implements RunLauncher {
  private final Set<Process> live = ConcurrentHashMap.newKeySet();

  private final int threadsPerRun;

  /**
   * @param jobs runs side by side: each child gets an equal share of the cores for libtorch's threads (at
   *     least one), unless {@code -Dai.djl.pytorch.num_threads} was given. Two runs that each take every core
   *     stall each other's libtorch threads (measured: a 5 s epoch took 100-275 s).
   */
  ProcessLauncher(int jobs) {
    this.threadsPerRun = threadsPerRun(Runtime.getRuntime().availableProcessors(), jobs);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Process::destroy), "stop-experiment-runs"));
  }

  @Override
  public double launch(PlannedRun run, Path experiment) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-javaagent:")) {
        cmd.add(a);
      }
    }
    if (cmd.stream().noneMatch(a -> a.startsWith("-D" + THREADS + "="))) {
      cmd.add("-D" + THREADS + "=" + threadsPerRun);
    }
    String home = System.getProperty(DatasetRepository.HOME_PROPERTY);
    if (home != null) {
      cmd.add("-D" + DatasetRepository.HOME_PROPERTY + "=" + home);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PrunusCommand.class.getName(), "experiment",
        experiment.resolve(ExperimentRunner.SPEC_COPY).toString(), "--out", experiment.toString(), "--run", run.id()));
    cmd.addAll(EngineOptions.forChild());
    Path log = experiment.resolve("logs").resolve(run.id() + ".log");
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    live.add(p);
    try {
      int code = p.waitFor();
      if (code != 0) {
        throw new IllegalStateException(lastError(log) + " (exit " + code + "; log " + log + ")");
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      live.remove(p);
    }
  }

  private static final String THREADS = "ai.djl.pytorch.num_threads";

  /** libtorch threads for each of {@code jobs} runs on {@code cores} cores: an equal share, at least one. */
  static int threadsPerRun(int cores, int jobs) {
    return Math.max(1, cores / Math.max(1, jobs));
  }

  /** The child's last "prunus: ..." line: its error message. */
  private static String lastError(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("prunus: ")) {
        return lines.get(i).substring("prunus: ".length());
      }
    }
    return "the run's process failed";
  }
}
