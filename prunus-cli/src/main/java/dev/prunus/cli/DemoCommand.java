package dev.prunus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRepository;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.report.LayerTable;
import dev.prunus.report.TextTable;
import dev.prunus.run.TrainingRun;
import dev.prunus.run.TrainingRunConfig;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prunus demo}: the project's main job in one command on a fresh machine. Today it fetches
 * Fashion-MNIST, trains the dense LeNet-5 baseline and prints its measurements; the pruning methods join
 * it as they land (issue 8 completes it with every method, the baselines and the HTML report).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Fetch Fashion-MNIST, train a dense LeNet-5 and print its accuracy, parameters and FLOPs",
        "per layer (the pruning methods join the demo as they land)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "prunus-demo",
      description = "Directory for the demo's runs (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    TrainingRunConfig config = new TrainingRunConfig(ModelId.LENET5, 1.0, List.of(), DatasetId.FASHION_MNIST, 0.1,
        new TrainingConfig(epochs, 64, new OptimizerConfig.Sgd(0.01, 0.9, false, 0),
            new LearningRateSchedule.Constant(), 1, false));
    Path dense = out.resolve("dense-lenet5");
    o.println("prunus demo: training a dense LeNet-5 on Fashion-MNIST into " + dense);
    TrainingRun.Result r = TrainingRun.start(config, dense, List.of("prunus", "demo"), data::load,
        new ConsoleProgress(o));
    JsonNode m = r.metrics();
    o.println();
    o.print(LayerTable.render(ModelCounter.count(ModelFile.read(r.directory().model()))));
    o.println();
    TextTable t = new TextTable("method", "density", "test accuracy", "params", "FLOPs", "train s");
    t.row("dense", m.at("/params/density").asDouble(), m.at("/accuracy/test").asDouble(),
        m.at("/params/nonzero").asLong(), m.at("/flops/masked").asLong(), m.at("/timing/train_s").asDouble());
    o.print(t);
    o.println("Pruning methods are added to this table as they land; see README.md.");
    return PrunusCommand.OK;
  }
}
