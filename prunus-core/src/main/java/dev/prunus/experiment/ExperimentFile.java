package dev.prunus.experiment;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.ImageFolderOptions;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.run.PruneRunConfig;
import dev.prunus.run.TrainingRunConfig;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an experiment file (YAML) into an {@link ExperimentSpec}, checking everything before anything
 * runs: unknown keys, methods, models, datasets and method options, values out of range, and every cell
 * of the grid (a method option that a model cannot take, a schedule a method cannot follow). Every error
 * names the file and line, the value, the rule and the valid choices. The format:
 *
 * <pre>
 * name: lenet300-mnist-sample      # optional; default: the file name without .yaml
 * models: [lenet-300-100]          # prunus models
 * datasets: [mnist-sample]         # prunus datasets, or image folders:
 *   # - folder:data/shapes           #   a folder of class folders, every option at its default, or
 *   # - folder: data/shapes          #   with options (a relative path is taken from this file's folder)
 *   #   image-size: 28x28            #   HxW (default: the first image's size)
 *   #   channels: 1                  #   1 grey or 3 RGB (default 3)
 *   #   resize: stretch              #   stretch | center-crop
 *   #   mean: [0.5]                  #   with std, per channel (default: measured on the training images)
 *   #   std: [0.25]
 *   #   test-fraction: 0.2           #   held out per class when there are no train/ and test/ sub-folders
 *   #   name: shapes                 #   names its runs (default: the folder's name)
 * seeds: [1, 2, 3]                 # default [1]
 * densities: [0.2, 0.05, 0.02]     # kept fraction of the prunable weights, in (0, 1]
 * width: 1.0                       # width multiplier; vgg-head: [512, 512] for vgg16 only
 * validation-fraction: 0.1
 * training:                        # dense baselines, and at-init methods (which train from scratch)
 *   epochs: 3
 *   batch-size: 64
 *   optimizer: sgd                 # sgd | adam
 *   lr: 0.01                       # default 0.01 (sgd), 0.001 (adam)
 *   momentum: 0.9
 *   nesterov: false
 *   weight-decay: 0
 *   lr-schedule: constant          # constant | cosine | multi-step:E1,E2[:GAMMA]
 *   augment: false                 # default: on for CIFAR
 * fine-tune:                       # after pruning a trained baseline; unset keys come from training
 *   epochs: 1                      # default 0
 * methods:
 *   - magnitude                    # a bare id: the method's own schedule, default options
 *   - id: magnitude                # or a mapping
 *     label: magnitude-iterative   # names its runs; needed when two entries share an id
 *     schedule: iterative          # at-init | one-shot | iterative (default: the method's own)
 *     rounds: 3                    # iterative only
 *     rewind: false                # iterative only: back to the initial weights after each prune
 *     compact: false               # physically remove dead units at the end
 *     keep-best: false             # each round keeps its epoch of best validation accuracy, not its last
 *     final-density: 0.023         # then magnitude-prune every layer in proportion to this params.density
 *     final-epochs: 1              # and fine-tune this many epochs (needs final-density; default 1)
 *     options: {scope: layer}      # the method's options (prunus methods)
 *     densities: [0.1]             # instead of the experiment's
 *     fine-tune: {epochs: 2}       # instead of the experiment's fine-tune keys
 * </pre>
 *
 * An entry whose method decides its own density (relief, whose density is an outcome; rgp with
 * {@code degree}; data-free with {@code auto} or {@code remove}) runs once per model, dataset and seed and
 * takes no densities.
 */
public final class ExperimentFile {
  static final List<String> TOP_KEYS = List.of("name", "models", "datasets", "seeds", "densities", "width",
      "vgg-head", "init", "validation-fraction", "training", "fine-tune", "methods");
  static final List<String> BUDGET_KEYS = List.of("epochs", "batch-size", "optimizer", "lr", "momentum", "nesterov",
      "weight-decay", "lr-schedule", "augment");
  static final List<String> METHOD_KEYS = List.of("id", "label", "schedule", "rounds", "rewind", "compact", "keep-best",
      "final-density", "final-epochs", "options",
      "densities", "fine-tune");
  static final List<String> FOLDER_KEYS = List.of("folder", "image-size", "channels", "resize", "mean", "std",
      "test-fraction", "name");
  private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]*";

  private ExperimentFile() {}

  /** Reads and checks the experiment file at {@code path}. */
  public static ExperimentSpec read(Path path, MethodRegistry registry) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read the experiment file " + path + ": " + e.getMessage()
          + "; pass the path of a .yaml file, e.g. experiments/lenet300-mnist-sample.yaml");
    }
    String base = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, path.toString(), base, registry);
  }

  /** Parses YAML {@code text}; {@code file} names it in messages, {@code defaultName} names the experiment. */
  public static ExperimentSpec parse(String text, String file, String defaultName, MethodRegistry registry) {
    SpecNode root = SpecNode.parse(text, file).requireKeys(new LinkedHashSet<>(TOP_KEYS));
    String name = root.get("name").map(n -> safeName(n, "name")).orElse(defaultName);
    if (!name.matches(NAME_RULE)) {
      throw root.fail("the experiment name '" + name + "' (from the file name) must match " + NAME_RULE
          + ": add a `name:` key");
    }
    SpecNode modelsNode = root.require("models");
    List<ModelId> models = distinct(modelsNode, n -> parse(n, ModelId::fromName));
    SpecNode datasetsNode = root.require("datasets");
    Path base = Path.of(file).toAbsolutePath().normalize().getParent();
    List<DatasetRef> datasets = distinct(datasetsNode, n -> dataset(n, base));
    Set<String> shortNames = new HashSet<>();
    for (int i = 0; i < datasets.size(); i++) {
      if (!shortNames.add(datasets.get(i).shortName())) {
        throw datasetsNode.items().get(i).fail("two datasets are named '" + datasets.get(i).shortName()
            + "' in run directories: give the folder a distinct `name:`");
      }
    }
    List<Long> seeds = root.get("seeds").map(n -> distinct(n, s -> s.whole(0, Long.MAX_VALUE))).orElse(List.of(1L));
    List<Double> densities = root.get("densities").map(ExperimentFile::densities).orElse(List.of());
    double width = root.get("width").map(n -> n.number(w -> w > 0 && w <= 8,
        "must be in (0, 8]: e.g. 0.5 for half the channels, 1 for the standard model")).orElse(1.0);
    List<Integer> vggHead = root.get("vgg-head").map(n -> n.items().stream()
        .map(i -> (int) i.whole(1, 1 << 16)).toList()).orElse(List.of());
    Initialization init = root.get("init").map(n -> parse(n, Initialization::fromName))
        .orElse(Initialization.KAIMING_NORMAL);
    double validation = root.get("validation-fraction").map(n -> n.number(v -> v >= 0 && v < 1,
        "must be in [0, 1): e.g. 0.1 holds out a tenth of the training set")).orElse(0.1);
    TrainingBudget training = root.get("training").map(n -> budget(n, TrainingBudget.DEFAULT))
        .orElse(TrainingBudget.DEFAULT);
    TrainingBudget fineTune = root.get("fine-tune").map(n -> budget(n, training.withEpochs(0)))
        .orElse(training.withEpochs(0));

    SpecNode methodsNode = root.require("methods");
    List<SpecNode> methodNodes = methodsNode.items();
    List<MethodSpec> methods = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (SpecNode m : methodNodes) {
      MethodSpec spec = method(m, registry, densities, fineTune);
      if (spec.densities().isEmpty()) {
        throw m.fail(m.path() + " (" + spec.label() + ") has no densities: give `densities:` at the top level or in the entry");
      }
      if (!labels.add(spec.label())) {
        throw m.fail("two method entries are labelled '" + spec.label() + "' (the id, unless `label:` is given): "
            + "give each entry a distinct `label:`");
      }
      methods.add(spec);
    }
    ExperimentSpec spec = new ExperimentSpec(name, models, datasets, seeds, densities, width, vggHead, init, validation,
        training, fineTune, methods);
    checkGrid(spec, modelsNode, methodNodes, registry);
    return spec;
  }

  /**
   * Builds every distinct configuration of the grid once, and asks each method whether it can prune each
   * model to each of its densities ({@link PruningMethod#check(Architecture, PruningTarget)}), so no run
   * fails later on its configuration.
   */
  private static void checkGrid(
      ExperimentSpec spec, SpecNode modelsNode, List<SpecNode> methodNodes, MethodRegistry registry) {
    Path nowhere = Path.of("experiment");
    for (ModelId m : spec.models()) {
      for (DatasetRef d : spec.datasets()) {
        Architecture arch;
        try {
          TrainingRunConfig dense = ExperimentGrid.dense(spec, m, d, spec.seeds().get(0)).training();
          arch = dense.architecture();
          dense.checkHeap();
        } catch (InvalidInputException e) {
          throw modelsNode.fail(e);
        }
        for (int i = 0; i < spec.methods().size(); i++) {
          MethodSpec method = spec.methods().get(i);
          try {
            ExperimentGrid.pruned(spec, method, m, d, method.densities().get(0), spec.seeds().get(0), nowhere);
            PruningMethod pm = registry.create(method.id(), method.options());
            for (double density : method.densities()) {
              pm.check(arch, PruningTarget.ofDensity(pm.reachesTargetDensity() ? density : 1));
            }
          } catch (InvalidInputException e) {
            throw methodNodes.get(i).fail(e);
          }
        }
      }
    }
  }

  /**
   * A catalogue dataset by name, {@code folder:PATH}, or a folder with options: {@code {folder: PATH,
   * image-size: 28x28, channels: 1, resize: stretch, mean: [0.5], std: [0.25], test-fraction: 0.2, name:
   * shapes}}; a relative PATH is taken from the experiment file's folder.
   */
  private static DatasetRef dataset(SpecNode n, Path base) {
    if (!n.isObject()) {
      return parse(n, t -> DatasetRef.parse(t, ImageFolderOptions.DEFAULTS, base));
    }
    n.requireKeys(new LinkedHashSet<>(FOLDER_KEYS));
    SpecNode folder = n.require("folder");
    ImageFolderOptions options = new ImageFolderOptions(
        n.get("image-size").map(SpecNode::text).orElse(null),
        n.get("channels").map(v -> (int) v.whole(1, 3)).orElse(null),
        n.get("resize").map(SpecNode::text).orElse(null),
        n.get("mean").map(ExperimentFile::commaList).orElse(null),
        n.get("std").map(ExperimentFile::commaList).orElse(null),
        n.get("test-fraction").map(v -> v.number(x -> x > 0 && x < 1, "must be in (0, 1): e.g. 0.2")).orElse(null),
        n.get("name").map(v -> safeName(v, "name")).orElse(null));
    try {
      return DatasetRef.parse(DatasetRef.FOLDER_PREFIX + folder.text(), options, base);
    } catch (InvalidInputException e) {
      throw n.fail(e);
    }
  }

  /** A list of numbers (or one number) as "a,b,c". */
  private static String commaList(SpecNode n) {
    return String.join(",", n.items().stream().map(i -> String.valueOf(i.number(Double::isFinite, "must be finite")))
        .toList());
  }

  private static MethodSpec method(
      SpecNode m, MethodRegistry registry, List<Double> densities, TrainingBudget fineTune) {
    SpecNode idNode = m.isObject() ? m.requireKeys(new LinkedHashSet<>(METHOD_KEYS)).require("id") : m;
    String id = idNode.text();
    MethodFactory factory = parse(idNode, registry::factory);
    if (!m.isObject()) {
      return new MethodSpec(id, id, factory.defaultSchedule(), 1, false, false, Map.of(),
          ownDensity(m, id, Map.of(), registry).orElse(densities), fineTune, false, null);
    }
    String label = m.get("label").map(n -> safeName(n, "label")).orElse(id);
    if (label.equals(PlannedRun.DENSE)) {
      throw m.get("label").orElse(m).fail("the label '" + PlannedRun.DENSE
          + "' names the dense baselines: choose another label");
    }
    ScheduleKind schedule = m.get("schedule").map(n -> parse(n, ScheduleKind::fromName))
        .orElse(factory.defaultSchedule());
    int rounds = m.get("rounds").map(n -> (int) n.whole(1, PruneRunConfig.MAX_ROUNDS)).orElse(1);
    if (rounds > 1 && schedule != ScheduleKind.ITERATIVE) {
      throw m.require("rounds").fail("rounds=" + rounds + " applies to the iterative schedule only: add "
          + "`schedule: iterative` or drop `rounds`");
    }
    boolean rewind = m.get("rewind").map(SpecNode::bool).orElse(false);
    if (rewind && schedule != ScheduleKind.ITERATIVE) {
      throw m.require("rewind").fail("rewind applies to the iterative schedule only: add `schedule: iterative`");
    }
    boolean compact = m.get("compact").map(SpecNode::bool).orElse(false);
    Map<String, String> options = m.get("options").map(n -> options(n, id, registry)).orElse(Map.of());
    Optional<List<Double>> decided = ownDensity(m, id, options, registry);
    List<Double> own = decided.orElseGet(() -> m.get("densities").map(ExperimentFile::densities).orElse(densities));
    TrainingBudget ft = m.get("fine-tune").map(n -> budget(n, fineTune)).orElse(fineTune);
    if (schedule == ScheduleKind.AT_INIT && m.get("fine-tune").isPresent()) {
      throw m.require("fine-tune").fail("an at-init entry trains from scratch with the `training:` budget: "
          + "drop its `fine-tune:`");
    }
    boolean keepBest = m.get("keep-best").map(SpecNode::bool).orElse(false);
    Schedule.FinalPhase finalPrune = finalPrune(m, own);
    return new MethodSpec(id, label, schedule, rounds, rewind, compact, options, own, ft, keepBest, finalPrune);
  }

  /** {@code final-density} (below every density of the entry) and {@code final-epochs}; null without them. */
  private static Schedule.FinalPhase finalPrune(SpecNode m, List<Double> densities) {
    Optional<SpecNode> density = m.get("final-density");
    if (density.isEmpty()) {
      m.get("final-epochs").ifPresent(n -> {
        throw n.fail("final-epochs applies only with final-density: add `final-density: D` or drop it");
      });
      return null;
    }
    double d = density.get().number(v -> v > 0 && v < 1, "must be in (0, 1)");
    double lowest = densities.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    if (d >= lowest) {
      throw density.get().fail("final-density " + d + " must be below the entry's density " + lowest
          + ": the final phase prunes further");
    }
    int epochs = m.get("final-epochs").map(n -> (int) n.whole(0, TrainingConfig.MAX_EPOCHS)).orElse(1);
    return new Schedule.FinalPhase(d, epochs);
  }

  /**
   * The one density of an entry whose method decides it: an outcome (NNrelief's alphas; the run records
   * the density it reaches, and the grid names it 1) or fixed by the options (RGP's {@code degree} over
   * {@code nodes}, data-free's {@code auto} or {@code remove}). Such an entry runs once per model, dataset
   * and seed, and may not list densities of its own. Empty for methods that prune to the grid's densities.
   */
  private static Optional<List<Double>> ownDensity(
      SpecNode m, String id, Map<String, String> options, MethodRegistry registry) {
    boolean outcome = !registry.create(id, options).reachesTargetDensity();
    OptionalDouble implied = registry.impliedDensity(id, options);
    if (!outcome && implied.isEmpty()) {
      return Optional.empty();
    }
    String why = outcome ? id + "'s density is an outcome of its options (set `rounds:` for more iterations)"
        : "the options fix " + id + "'s density at " + implied.getAsDouble();
    if (m.isObject() && m.get("densities").isPresent()) {
      SpecNode given = m.require("densities");
      throw given.fail(given.path() + ": " + why + ": drop this entry's `densities:`");
    }
    return Optional.of(List.of(outcome ? 1.0 : implied.getAsDouble()));
  }

  /** Each option is checked alone (so an error points at its line), then all together. */
  private static Map<String, String> options(SpecNode n, String id, MethodRegistry registry) {
    if (!n.isObject()) {
      throw n.fail(n.path() + " must be a mapping of option names to values, e.g. {scope: layer}: see `prunus methods`");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var it = n.raw().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      SpecNode v = n.require(key);
      out.put(key, v.text());
      try {
        registry.create(id, Map.of(key, v.text()));
      } catch (InvalidInputException e) {
        throw v.fail(e);
      }
    }
    try {
      registry.create(id, out);
    } catch (InvalidInputException e) {
      throw n.fail(e);
    }
    return out;
  }

  private static TrainingBudget budget(SpecNode n, TrainingBudget base) {
    n.requireKeys(new LinkedHashSet<>(BUDGET_KEYS));
    int epochs = n.get("epochs").map(v -> (int) v.whole(0, TrainingConfig.MAX_EPOCHS)).orElse(base.epochs());
    int batch = n.get("batch-size").map(v -> (int) v.whole(1, 1 << 20)).orElse(base.batchSize());
    TrainingBudget.Optimizer optimizer = n.get("optimizer")
        .map(v -> CliName.lookUp(TrainingBudget.Optimizer.class, v.choice(TrainingBudget.Optimizer.CHOICES),
            "optimizer", "optimizers"))
        .orElse(base.optimizer());
    Double lr = n.get("lr").map(v -> v.number(x -> x > 0 && x < 100, "must be in (0, 100): e.g. 0.01"))
        .orElse(base.lr());
    double momentum = n.get("momentum").map(v -> v.number(x -> x >= 0 && x < 1, "must be in [0, 1): e.g. 0.9"))
        .orElse(base.momentum());
    boolean nesterov = n.get("nesterov").map(SpecNode::bool).orElse(base.nesterov());
    if (nesterov && momentum == 0) {
      throw n.fail("nesterov needs a momentum above 0: add `momentum: 0.9`");
    }
    double wd = n.get("weight-decay").map(v -> v.number(x -> x >= 0 && x < 1, "must be in [0, 1): e.g. 5e-4"))
        .orElse(base.weightDecay());
    String schedule = n.get("lr-schedule").map(v -> {
      parse(v, LearningRateSchedule::parse);
      return v.text();
    }).orElse(base.lrSchedule());
    Boolean augment = n.get("augment").map(SpecNode::bool).orElse(base.augment());
    return new TrainingBudget(epochs, batch, optimizer, lr, momentum, nesterov, wd, schedule, augment);
  }

  private static List<Double> densities(SpecNode n) {
    return distinct(n, d -> d.number(x -> x > 0 && x <= 1,
        "must be in (0, 1]: the kept fraction of the prunable weights, e.g. 0.1"));
  }

  private static String safeName(SpecNode n, String what) {
    String s = n.text();
    if (!s.matches(NAME_RULE)) {
      throw n.fail(what + " '" + s + "' must match " + NAME_RULE + " (it names a directory)");
    }
    return s;
  }

  /** The values of a list, each read by {@code read}; a repeated value is rejected at its line. */
  private static <T> List<T> distinct(SpecNode n, Function<SpecNode, T> read) {
    List<T> out = new ArrayList<>();
    for (SpecNode item : n.items()) {
      T v = read.apply(item);
      if (out.contains(v)) {
        throw item.fail(item.path() + ": " + v + " is listed twice in " + n.path());
      }
      out.add(v);
    }
    return out;
  }

  /** Applies a parser that throws {@link InvalidInputException}, with this node's line on the message. */
  private static <T> T parse(SpecNode n, Function<String, T> parser) {
    try {
      return parser.apply(n.text());
    } catch (InvalidInputException e) {
      throw n.fail(e);
    }
  }
}
