package dev.prunus.cli;

import dev.prunus.data.DatasetRepository;
import dev.prunus.io.AtomicFiles;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.report.Charts;
import dev.prunus.report.NeuronSweepTable;
import dev.prunus.run.NeuronSweep;
import dev.prunus.run.NeuronSweepConfig;
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

/** {@code prunus sweep}: Srinivas &amp; Babu's neuron-removal sweep, without retraining. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Remove more and more neurons of one hidden FC layer of a trained run with each neuron method",
        "(no retraining) and tabulate test accuracy against the share of parameters removed.",
        "Writes sweep.csv, sweep.txt, sweep.png, saliency.csv, saliency.png and metrics.json."})
final class SweepCommand implements Callable<Integer> {
  static final String TABLE = "sweep.txt";

  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(names = "--from", paramLabel = "RUN", required = true, description = "The trained run to prune.")
  Path from;

  @Option(names = "--layer", paramLabel = "L", defaultValue = "fc1",
      description = "The hidden FC layer to prune (default: ${DEFAULT-VALUE}).")
  String layer;

  @Option(names = "--counts", paramLabel = "N", split = ",",
      description = "Neurons to remove, e.g. 0,100,450 (default: 0, 10, 20, ..., 80, 85, 90, 95, 98%% of the layer).")
  List<Integer> counts = new ArrayList<>();

  @Option(names = "--methods", paramLabel = "ID", split = ",",
      defaultValue = "data-free,random-neuron,naive-neuron",
      description = "Methods to compare, each ID or ID:NAME=VALUE, e.g. data-free:surgery=false (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--seeds", paramLabel = "K", defaultValue = "3",
      description = "Seeds for random methods, averaged (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--auto", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also evaluate data-free --auto, the knee of the saliency curve (default: on).")
  boolean auto;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to create.")
  Path out;

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    NeuronSweepConfig config = new NeuronSweepConfig(from.toString(), layer, counts, methods, seeds, seed, auto);
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    PrintWriter w = spec.commandLine().getOut();
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    NeuronSweep.Result r = NeuronSweep.execute(config, out, command, MethodRegistry.standard(), data::load, p -> {
      w.printf(Locale.ROOT, "%-18s seed %d  %s removed %4d  params removed %5.1f%%  test accuracy %.4f%n",
          p.method(), p.seed(), layer, p.removed(), 100 * p.paramsRemoved(), p.testAccuracy());
      w.flush();
    });
    String table = NeuronSweepTable.render(r);
    AtomicFiles.writeString(out.resolve(TABLE), table);
    Charts.sweep(out.resolve("sweep.png"), r);
    Charts.saliency(out.resolve("saliency.png"), List.of(r.saliency()));
    w.print(table);
    w.printf("wrote %s%n", out);
    return PrunusCommand.OK;
  }
}
