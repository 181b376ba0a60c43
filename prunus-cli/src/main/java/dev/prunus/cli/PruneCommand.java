package dev.prunus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.DatasetRepository;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.run.ParentRun;
import dev.prunus.run.PruneRun;
import dev.prunus.run.PruneRunConfig;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRun;
import dev.prunus.run.TrainingRunConfig;
import dev.prunus.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code prunus prune}: prunes a trained run (or a fresh model, at init) with one method. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Prune with a method and write a run directory naming its parent run.",
        "Method options are given as --NAME VALUE; `prunus methods` lists them.",
        "A checkpoint is written after every round; --resume continues a killed run."})
final class PruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(names = "--method", paramLabel = "ID", description = "Method id (see `prunus methods`).")
  String method;

  @Option(names = "--from", paramLabel = "RUN", description = "A trained run to prune (one-shot and iterative).")
  Path from;

  @Mixin ModelSelection model = new ModelSelection();

  @Mixin DatasetSelection dataset = new DatasetSelection();

  @Option(names = "--sparsity", paramLabel = "S", description = "Fraction of weights to remove, in [0, 1).")
  Double sparsity;

  @Option(names = "--density", paramLabel = "D", description = "Fraction of weights to keep, in (0, 1].")
  Double density;

  @Option(names = "--schedule", paramLabel = "S",
      description = "at-init, one-shot or iterative (default: at-init without --from, else the method's own).")
  String schedule;

  @Option(names = {"--rounds", "--iterations"}, paramLabel = "R", defaultValue = "1",
      description = "Iterative schedule: rounds of prune + retrain, densities falling geometrically to the target "
          + "(for relief: its iterations, the density an outcome) (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--rewind", negatable = true,
      description = "Iterative schedule: reset surviving weights to the parent's initial ones after each prune.")
  Boolean rewind;

  @Option(names = "--keep-best", description = "Keep each round's epoch of best validation accuracy, not its last.")
  boolean keepBest;

  @Option(names = "--preset", paramLabel = "P",
      description = "relief: the authors' hyper-parameters (lenet-300-100, lenet5, vgg-like, resnet20, resnet56-cifar100) "
          + "for every option not given; implies --keep-best.")
  String preset;

  @Option(names = "--fine-tune-epochs", paramLabel = "N", defaultValue = "0",
      description = "Epochs of training after each prune of a trained run (default: ${DEFAULT-VALUE}).")
  int fineTuneEpochs;

  @Option(names = "--final-density", paramLabel = "D",
      description = "After training, magnitude-prune every layer in proportion to this share of the parameters, "
          + "then fine-tune (Small-World's phase 3).")
  Double finalDensity;

  @Option(names = "--final-epochs", paramLabel = "N", defaultValue = "1",
      description = "Fine-tuning epochs after --final-density (default: ${DEFAULT-VALUE}).")
  int finalEpochs;

  @Option(names = "--compact", description = "Physically remove dead neurons and filters at the end (a smaller, equal model).")
  boolean compact;

  @Mixin TrainingOptions training = new TrainingOptions();

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "At-init: share of the training set held out for validation (default: ${DEFAULT-VALUE}).")
  double validationFraction;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory to create.")
  Path out;

  @Option(names = "--resume", description = "Continue the unfinished run in --out from its last round checkpoint "
      + "(with the configuration stored there: an option that disagrees with it is refused).")
  boolean resume;

  @Unmatched List<String> methodArgs = new ArrayList<>();

  @Override
  public Integer call() {
    engine.prepare(spec.commandLine().getErr());
    MethodRegistry registry = MethodRegistry.standard();
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut());
    TrainingRun.Result r;
    if (resume) {
      ResumeOptions.check(spec, RunDirectory.checkResumable(out, "prune", RunDirectory.ROUND_CHECKPOINT), methodArgs);
      r = PruneRun.resume(out, registry, data::load, progress);
    } else {
      if (method == null) {
        throw new InvalidInputException("prune needs --method ID (or --resume with the --out of a killed run)");
      }
      List<String> command = new ArrayList<>(List.of("prunus"));
      command.addAll(spec.commandLine().getParseResult().originalArgs());
      r = PruneRun.execute(config(registry), out, command, registry, data::load, progress);
    }
    JsonNode m = r.metrics();
    for (JsonNode round : m.at("/pruning/rounds")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "round %d: density %.4f, validation accuracy %.4f, test accuracy %.4f%n",
          round.get("round").asInt(), round.get("density").asDouble(), round.get("validation_accuracy").asDouble(),
          round.get("test_accuracy").asDouble());
    }
    spec.commandLine().getOut().printf(Locale.ROOT,
        "%s %s: density %.4f (%,d of %,d parameters), test accuracy %.4f, masked FLOPs %,d; wrote %s%n",
        m.get("method").asText(), m.at("/pruning/schedule").asText(), m.at("/params/density").asDouble(),
        m.at("/params/nonzero").asLong(), m.at("/params/total").asLong(), m.at("/accuracy/test").asDouble(),
        m.at("/flops/masked").asLong(), out);
    SaliencyArtifacts.write(out, m, spec.commandLine().getOut());
    return PrunusCommand.OK;
  }

  /** The run the options describe, checked. */
  private PruneRunConfig config(MethodRegistry registry) {
    MethodFactory factory = registry.factory(method);
    ReliefPresetDefaults presetDefaults = preset == null ? null
        : new ReliefPresetDefaults(preset, method, spec.commandLine().getParseResult());
    Map<String, String> options = parseMethodOptions(methodArgs);
    if (presetDefaults != null) {
      options = presetDefaults.methodOptions(options);
      rounds = presetDefaults.iterations(rounds);
      rewind = presetDefaults.rewind(rewind);
      keepBest = true;
    }
    double d;
    if (!registry.create(method, options).reachesTargetDensity()) {
      if (sparsity != null || density != null) {
        throw new InvalidInputException("method " + method + " decides its own density (it is an outcome of its "
            + "options, e.g. --alpha-fc): drop --density/--sparsity and set --iterations");
      }
      d = 1;
    } else {
      d = targetDensity(registry, options);
    }
    ScheduleKind kind = schedule != null ? ScheduleKind.fromName(schedule)
        : from == null ? ScheduleKind.AT_INIT : (factory.defaultSchedule() == ScheduleKind.AT_INIT ? ScheduleKind.ONE_SHOT
            : factory.defaultSchedule());
    TrainingRunConfig runConfig;
    String parent = null;
    if (from != null) {
      ParentRun p = ParentRun.open(from);
      if (model.model != null || dataset.given() && !p.isImport()) {
        throw new InvalidInputException("--from takes the model and dataset of the parent run: drop --model/--dataset"
            + " (only an imported model, which has no dataset, takes --dataset)");
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--init")) {
        throw new InvalidInputException("--init sets the weights of a model trained from scratch; --from RUN "
            + "starts from the parent's weights: drop --init, or use --model and --dataset");
      }
      DatasetRef ds = p.isImport() && dataset.dataset != null ? dataset.ref() : null;
      TrainingConfig t = training.toConfig(ds != null ? ds.augment() : !p.isImport() && p.training().dataset().augment());
      // fine-tuning keeps the parent's seed, so the validation split is the parent's (no test or train leak)
      TrainingConfig fineTune = new TrainingConfig(fineTuneEpochs, t.batchSize(), t.optimizer(), t.schedule(),
          p.isImport() ? t.seed() : p.training().training().seed(), t.augment());
      if (presetDefaults != null) {
        fineTune = presetDefaults.training(fineTune);
      }
      runConfig = p.child(ds, p.isImport() ? validationFraction : null, fineTune);
      parent = from.toString();
    } else {
      if (model.model == null || dataset.dataset == null) {
        throw new InvalidInputException("prune needs --from RUN, or --model and --dataset for the at-init schedule");
      }
      DatasetRef ds = dataset.ref();
      runConfig = new TrainingRunConfig(ModelId.fromName(model.model), model.width, model.vggHead, ds,
          validationFraction, training.toConfig(ds.augment()), training.initialization());
    }
    return new PruneRunConfig(method, options, d, kind, rounds, rewind != null && rewind, training.seed,
        compact, runConfig, parent, keepBest,
        finalDensity == null ? null : new Schedule.FinalPhase(finalDensity, finalEpochs));
  }

  /** The density asked for, or the one the method's options fix (RGP's --degree); exactly one source. */
  private double targetDensity(MethodRegistry registry, Map<String, String> options) {
    if (sparsity != null && density != null) {
      throw new InvalidInputException("give one of --sparsity S or --density D, not both");
    }
    if (sparsity != null) {
      return PruningTarget.ofSparsity(sparsity).density();
    }
    if (density != null) {
      return PruningTarget.ofDensity(density).density();
    }
    java.util.OptionalDouble implied = registry.impliedDensity(method, options);
    if (implied.isEmpty()) {
      throw new InvalidInputException("method " + method + " prunes to a requested density: give --sparsity S "
          + "or --density D");
    }
    return implied.getAsDouble();
  }

  /** {@code --name value}, {@code --name=value}, or a bare {@code --flag} (true); each name at most once. */
  static Map<String, String> parseMethodOptions(List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || a.length() == 2) {
        throw new InvalidInputException("unexpected argument '" + a + "': method options are given as --NAME VALUE");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        value = "true";
      }
      String before = out.put(name, value);
      if (before != null) {
        throw new InvalidInputException("--" + name + " is given twice (" + before + ", then " + value
            + "): give each method option once");
      }
    }
    return out;
  }
}
