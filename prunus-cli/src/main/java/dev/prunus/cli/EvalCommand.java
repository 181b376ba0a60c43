package dev.prunus.cli;

import ai.djl.ndarray.NDManager;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRepository;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.run.ParentRun;
import dev.prunus.run.PreparedData;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRunConfig;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainableNetwork;
import dev.prunus.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prunus eval DIR}: re-evaluates a run's model on its validation split and test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a run's model on its validation split and the test set.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Parameters(paramLabel = "DIR", description = "A run directory.")
  Path dir;

  @Mixin DatasetSelection dataset = new DatasetSelection();

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    ParentRun parent = ParentRun.open(dir);
    RunDirectory run = parent.directory();
    Provenance p = Provenance.read(run.provenance());
    if (dataset.given() && !parent.isImport()) {
      throw new InvalidInputException("--dataset is for an imported model, which has no dataset; " + dir
          + " is evaluated on the data it was trained on: drop --dataset");
    }
    // an imported model is evaluated on the data named, its validation split drawn with seed 1
    TrainingRunConfig config = parent.isImport()
        ? parent.child(dataset.dataset == null ? null : dataset.ref(), null,
            new TrainingConfig(0, 64, new OptimizerConfig.Sgd(0.01, 0, false, 0), LearningRateSchedule.parse("constant"),
                1, false))
        : parent.training();
    Model model = run.readModel(); // checked against provenance.json: a model copied from another run is refused
    ParentRun.checkFits(model.architecture(), config.dataset());
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
    out.printf(Locale.ROOT, "%s on %s (%s)%n", config.modelName(), config.dataset().cliName(), dir);
    out.printf(Locale.ROOT, "validation  accuracy %.4f  loss %.4f  (%d images)%n", val.accuracy(), val.loss(), val.count());
    out.printf(Locale.ROOT, "test        accuracy %.4f  loss %.4f  (%d images)%n", test.accuracy(), test.loss(), test.count());
    out.printf(Locale.ROOT, "parameters  %,d of %,d non-zero (density %.4f)%n", c.nonzero(), c.params(), c.density());
    if (p.dataset() != null && !data.source().sha256().equals(p.dataset().sha256())) {
      out.printf("warning: the data's SHA-256 differs from the one the run was trained on%n");
    }
    return PrunusCommand.OK;
  }
}
