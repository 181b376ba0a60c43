package dev.prunus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.DatasetRepository;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.run.ParentRun;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRun;
import dev.prunus.run.TrainingRunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prunus train}: trains a dense zoo model, or goes on training another run's model, into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a dense model and write a run directory (model, metrics.json, provenance.json),",
        "or, with --from RUN, go on training RUN's model (trained, pruned or imported; its masks kept).",
        "A checkpoint is written after every epoch; --resume continues a killed run."})
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Mixin ModelSelection model = new ModelSelection();

  @Mixin DatasetSelection dataset = new DatasetSelection();

  @Mixin TrainingOptions training = new TrainingOptions();

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training set held out for validation (default: ${DEFAULT-VALUE}).")
  double validationFraction;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory to create.")
  Path out;

  @Option(names = "--from", paramLabel = "RUN",
      description = "Fine-tune the model of RUN (a run of train, prune or import; masks are kept) instead of a new "
          + "zoo model: on RUN's dataset, or on --dataset (required for an imported model, whose images and classes "
          + "it must fit).")
  Path from;

  @Option(names = "--resume", description = "Continue the unfinished run in --out from its last checkpoint "
      + "(with the configuration stored there: an option that disagrees with it is refused).")
  boolean resume;

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    var progress = new ConsoleProgress(spec.commandLine().getOut());
    TrainingRun.Result r;
    if (resume) {
      ResumeOptions.check(spec, RunDirectory.checkResumable(out, "train", RunDirectory.CHECKPOINT), List.of());
      r = TrainingRun.resume(out, data::load, progress);
    } else if (from != null) {
      ParentRun parent = ParentRun.open(from);
      r = TrainingRun.fineTune(fineTuneConfig(parent), parent, out, command, data::load, progress);
    } else {
      r = TrainingRun.start(config(), out, command, data::load, progress);
    }
    JsonNode mj = r.metrics();
    spec.commandLine().getOut().printf(Locale.ROOT,
        "%s on %s: test accuracy %.4f (validation %.4f), %,d parameters, %,d FLOPs; wrote %s%n",
        mj.get("model").asText(), mj.get("dataset").asText(), mj.at("/accuracy/test").asDouble(),
        mj.at("/accuracy/validation").asDouble(), mj.at("/params/total").asLong(),
        mj.at("/flops/dense").asLong(), r.directory().path());
    return PrunusCommand.OK;
  }

  /** The fine-tuning of {@code parent}'s model the options describe. */
  private TrainingRunConfig fineTuneConfig(ParentRun parent) {
    if (model.model != null || spec.commandLine().getParseResult().hasMatchedOption("--init")) {
      throw new InvalidInputException("--from RUN trains RUN's model from its weights: drop --model, --width and --init");
    }
    DatasetRef d = dataset.dataset == null ? null : dataset.ref();
    Double vf = spec.commandLine().getParseResult().hasMatchedOption("--validation-fraction") ? validationFraction : null;
    DatasetRef trainedOn = d != null ? d : parent.isImport() ? null : parent.training().dataset();
    boolean augment = trainedOn != null && trainedOn.augment();
    return parent.child(d, vf, training.toConfig(augment));
  }

  /** The run the options describe, checked. */
  TrainingRunConfig config() {
    if (model.model == null || dataset.dataset == null) {
      throw new InvalidInputException("train needs --model and --dataset (or --resume with the --out of a killed run)");
    }
    ModelId m = ModelId.fromName(model.model);
    DatasetRef d = dataset.ref();
    return new TrainingRunConfig(m, model.width, model.vggHead, d, validationFraction, training.toConfig(d.augment()),
        training.initialization());
  }
}
