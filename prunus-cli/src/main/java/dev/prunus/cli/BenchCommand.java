package dev.prunus.cli;

import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRepository;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.KaimingInitializer;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import dev.prunus.run.PreparedData;
import dev.prunus.train.PhaseTimes;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus bench}: benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
    subcommands = BenchCommand.Train.class)
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: `prunus bench train`");
  }

  /** Training throughput and where each step's time goes. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train for a few epochs and print images/s and the time per phase",
          "(data, forward+loss, backward, optimiser step, mask upkeep) for every epoch."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ModelSelection model = new ModelSelection();

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Dataset (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Mixin TrainingOptions training = new TrainingOptions();

    @Option(names = "--mask-density", paramLabel = "D",
        description = "Train under a random mask of this density on every conv/linear weight, to measure mask upkeep.")
    Double maskDensity;

    @Override
    public Integer call() {
      if (model.model == null) {
        model.model = "lenet5";
      }
      if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
        training.epochs = 3;
      }
      DatasetId d = DatasetId.fromName(dataset);
      ModelId id = ModelId.fromName(model.model);
      Architecture arch = id.build(new ModelOptions(new FeatureShape(d.channels(), d.height(), d.width()),
          d.numClasses(), model.width, model.vggHead));
      PreparedData data = PreparedData.of(new DatasetRepository(DatasetRepository.defaultHome()).load(d), 0, 1);
      ImageSet train = data.train();
      Model m = new Model(arch, KaimingInitializer.initialize(arch, training.seed));
      if (maskDensity != null) {
        m = MaskApplier.apply(m, MethodRegistry.standard().create("random", Map.of())
            .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(maskDensity), training.seed)));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s on %s: %,d training images, batch %d, %s, %d threads, Java %s%n",
          id.cliName(), d.cliName(), train.size(), training.batchSize, training.optimizer,
          Integer.getInteger("ai.djl.pytorch.num_threads", 0), System.getProperty("java.version"));
      out.println("epoch  seconds  images/s   data  forward+loss  backward  optimiser  masks   (seconds)");
      var trainer = new Trainer(training.toConfig(false), new TrainingListener() {
        @Override
        public void epochTimed(int epoch, PhaseTimes t) {
          out.printf(Locale.ROOT, "%5d  %7.2f  %8.0f  %5.2f  %12.2f  %8.2f  %9.2f  %5.2f%n", epoch, t.total() / 1e9,
              t.imagesPerSecond(), t.data() / 1e9, t.forward() / 1e9, t.backward() / 1e9, t.optimizer() / 1e9,
              t.masks() / 1e9);
          out.flush();
        }
      });
      PhaseTimes total = trainer.train(m, train, data.validation(), null).times();
      out.printf(Locale.ROOT, "all epochs: %.0f images/s; mask upkeep %.2f%% of the step time%n",
          total.imagesPerSecond(), 100.0 * total.masks() / total.total());
      return PrunusCommand.OK;
    }
  }
}
