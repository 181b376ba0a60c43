package dev.prunus.cli;

import ai.djl.ndarray.NDManager;
import dev.prunus.data.DatasetRepository;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.run.PreparedData;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRun;
import dev.prunus.run.TrainingRunConfig;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.TrainableNetwork;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus eval DIR}: re-evaluates a run's model on its validation split and test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a run's model on its validation split and the test set.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Parameters(paramLabel = "DIR", description = "A run directory.")
  Path dir;

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    RunDirectory run = RunDirectory.open(dir);
    Provenance p = Provenance.read(run.provenance());
    TrainingRunConfig config = TrainingRun.config(p);
    Model model = run.readModel(); // checked against provenance.json: a model copied from another run is refused
    PreparedData data = PreparedData.of(
        new DatasetRepository(DatasetRepository.defaultHome()).load(config.dataset()),
        config.validationFraction(), config.training().seed());
    Evaluation val;
    Evaluation test;
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      val = Evaluator.evaluate(net, data.validation());
      test = Evaluator.evaluate(net, data.test());
    }
    ModelCount c = ModelCounter.count(model);
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s on %s (%s)%n", config.model().cliName(), config.dataset().cliName(), dir);
    out.printf(Locale.ROOT, "validation  accuracy %.4f  loss %.4f  (%d images)%n", val.accuracy(), val.loss(), val.count());
    out.printf(Locale.ROOT, "test        accuracy %.4f  loss %.4f  (%d images)%n", test.accuracy(), test.loss(), test.count());
    out.printf(Locale.ROOT, "parameters  %,d of %,d non-zero (density %.4f)%n", c.nonzero(), c.params(), c.density());
    if (!data.source().sha256().equals(p.dataset().sha256())) {
      out.printf("warning: the data's SHA-256 differs from the one the run was trained on%n");
    }
    return PrunusCommand.OK;
  }
}
