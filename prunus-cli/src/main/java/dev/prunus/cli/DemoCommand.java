package dev.prunus.cli;

import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ExperimentRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prunus demo}: the project's main job in one command on a fresh machine: fetch Fashion-MNIST,
 * train a dense LeNet-5, prune it with every method and the magnitude and random baselines, print one
 * line per run and write the HTML report ({@link Demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Fetch Fashion-MNIST, train a dense LeNet-5, prune it with every method and the",
        "magnitude and random baselines, print method, density, accuracy, parameters,",
        "FLOPs and time per run, and write DIR/report.html. An experiment (the file is",
        "copied to DIR/experiment.yaml): run it again after a kill to continue."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "prunus-demo",
      description = "Directory for the demo's runs, results and report (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    PrintWriter o = spec.commandLine().getOut();
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    long t0 = System.nanoTime();
    ExperimentRunner.Summary s;
    try (GridProgress progress = new GridProgress(o)) {
      s = Demo.runGrid(out, data::load, progress, command, o);
    }
    Demo.tableAndReport(s, o, spec.commandLine().getErr());
    o.printf(Locale.ROOT, "demo done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    return PrunusCommand.OK;
  }
}
