package dev.prunus.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.AtomicFiles;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.method.datafree.DataFree;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.TrainableNetwork;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Srinivas &amp; Babu's experiment: prune a trained network's hidden FC layer by a series of neuron
 * counts with several neuron methods, without any retraining, and measure test accuracy against the
 * share of the whole network's parameters removed (what {@code prunus sweep} does). Every pruned model is
 * compacted (physically smaller) before it is counted and evaluated. Methods that draw random numbers
 * are run once per seed. With {@code auto}, {@code data-free --auto} is evaluated as well (every hidden FC
 * layer stopped at the knee of its saliency curve), with its drop from the dense accuracy.
 *
 * <p>Writes into a new directory: provenance.json, {@code sweep.csv} (one row per method, seed and
 * count), {@code saliency.csv} (data-free's greedy curve of the layer) and metrics.json (everything,
 * including the dense accuracy and the auto result). Nothing here reads the test set to choose anything;
 * it is only reported.
 */
public final class NeuronSweep {
  public static final String CSV = "sweep.csv";

  private NeuronSweep() {}

  /** One pruned model: a method, a seed, a count, and what was measured. */
  public record Point(
      String method, long seed, int removed, int kept, long params, double paramsRemoved, double testAccuracy,
      double validationAccuracy) {}

  /** Everything the sweep measured. */
  public record Result(
      RunDirectory directory, String layer, int neurons, long denseParams, double denseTest, List<Point> points,
      Point auto, SaliencyCurve saliency) {}

  public static Result execute(
      NeuronSweepConfig config, Path out, List<String> command, MethodRegistry registry,
      Function<DatasetRef, Dataset> data, Consumer<Point> progress) {
    RunDirectory dir = RunDirectory.checkWritable(out);
    for (String m : config.methods()) {
      create(registry, m, 0, config.layer()); // an unknown method, option or one without --remove fails here
    }
    RunDirectory parent = RunDirectory.open(Path.of(config.parentRun()));
    Model dense = ModelFile.read(parent.model());
    Provenance parentProvenance = Provenance.read(parent.provenance());
    TrainingRunConfig training = TrainingRun.config(parentProvenance);
    int neurons = neurons(dense, config.layer());
    List<Integer> counts = config.countsFor(neurons);
    for (int c : counts) {
      if (c > neurons - 1) {
        throw new dev.prunus.InvalidInputException("--counts: " + c + " neurons cannot be removed from " + config.layer()
            + ", which has " + neurons + " (at least one stays): use counts up to " + (neurons - 1));
      }
    }
    PreparedData prepared = PreparedData.of(data.apply(training.dataset()), training.validationFraction(),
        training.training().seed());
    dir.create();
    new Provenance("sweep", command, Json.MAPPER.valueToTree(config), config.seed(), prepared.reference(),
        Versions.all(), config.parentRun(), Instant.now().toString()).write(dir.provenance());

    long denseParams = ModelCounter.count(dense).nonzero();
    double denseTest = evaluate(dense, prepared.test()).accuracy();
    List<Point> points = new ArrayList<>();
    for (int mi = 0; mi < config.methods().size(); mi++) {
      String method = config.methods().get(mi);
      int runs = seeded(method) ? config.seeds() : 1;
      for (int s = 0; s < runs; s++) {
        for (int count : counts) {
          PruningMethod pm = create(registry, method, count, config.layer());
          Point p = measure(pm, dense, config.seed() + s, denseParams, config.layer(), prepared);
          p = new Point(method, p.seed(), p.removed(), p.kept(), p.params(), p.paramsRemoved(), p.testAccuracy(),
              p.validationAccuracy());
          points.add(p);
          progress.accept(p);
        }
      }
    }
    PruningPlan full = registry.create(DataFree.ID, Map.of("remove", config.layer() + "=0"))
        .plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(1), config.seed()));
    SaliencyCurve greedy = SaliencyCurve.fromDetails(full.details()).stream()
        .filter(c -> c.layer().equals(config.layer())).findFirst().orElseThrow();
    // the full greedy sequence, planned with nothing removed; its removed steps are those the knee takes
    SaliencyCurve curve = new SaliencyCurve(greedy.layer(), greedy.saliency(), greedy.knee(), greedy.knee());
    Point auto = null;
    if (config.auto()) {
      // data-free --auto as a user runs it: every hidden FC layer stops at its own knee
      Point a = measure(registry.create(DataFree.ID, Map.of("auto", "true")), dense, config.seed(), denseParams,
          config.layer(), prepared);
      auto = new Point(DataFree.ID + " --auto", a.seed(), a.removed(), a.kept(), a.params(), a.paramsRemoved(),
          a.testAccuracy(), a.validationAccuracy());
      progress.accept(auto);
    }
    SaliencyCurve.writeCsv(dir.path().resolve(SaliencyCurve.CSV), List.of(curve));
    writeCsv(dir.path().resolve(CSV), points, auto);
    Result r = new Result(dir, config.layer(), neurons, denseParams, denseTest, points, auto, curve);
    TrainingRun.writeJson(dir.metrics(), metrics(r, training));
    return r;
  }

  /**
   * The method of a sweep entry, {@code ID} or {@code ID:NAME=VALUE:...} (e.g. {@code data-free:surgery=false}),
   * removing {@code count} neurons of {@code layer}.
   */
  private static PruningMethod create(MethodRegistry registry, String spec, int count, String layer) {
    String[] parts = spec.split(":");
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length != 2) {
        throw new dev.prunus.InvalidInputException("--methods " + spec + ": '" + parts[i] + "' is not NAME=VALUE; "
            + "write a method as ID or ID:NAME=VALUE, e.g. data-free:surgery=false");
      }
      options.put(kv[0], kv[1]);
    }
    options.put("remove", layer + "=" + count);
    return registry.create(parts[0], options);
  }

  /** A method whose plan depends on the seed (so it is run once per seed). */
  private static boolean seeded(String method) {
    return method.startsWith("random");
  }

  private static Point measure(
      PruningMethod method, Model dense, long seed, long denseParams, String layer, PreparedData data) {
    PruningPlan plan = method.plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(1), seed));
    Model pruned = Compactor.compact(MaskApplier.apply(dense, plan));
    long params = ModelCounter.count(pruned).nonzero();
    int removed = (int) plan.removals().stream().filter(r -> r.layer().equals(layer)).count();
    return new Point(method.id(), seed, removed, neurons(pruned, layer), params, 1.0 - (double) params / denseParams,
        evaluate(pruned, data.test()).accuracy(), evaluate(pruned, data.validation()).accuracy());
  }

  private static int neurons(Model model, String layer) {
    return model.architecture().prunableLayers().stream().filter(p -> p.name().equals(layer)).findFirst()
        .orElseThrow(() -> new dev.prunus.InvalidInputException("--layer " + layer + " is not a layer of "
            + model.architecture().name() + ": its layers are " + model.architecture().prunableLayers().stream()
                .map(p -> p.name()).toList()))
        .outputUnits();
  }

  private static Evaluation evaluate(Model model, dev.prunus.data.ImageSet set) {
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      return Evaluator.evaluate(net, set);
    }
  }

  private static void writeCsv(Path file, List<Point> points, Point auto) {
    StringBuilder sb = new StringBuilder(
        "method,seed,removed,kept,params,params_removed,test_accuracy,validation_accuracy\n");
    List<Point> all = new ArrayList<>(points);
    if (auto != null) {
      all.add(auto);
    }
    for (Point p : all) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.6f,%.4f,%.4f%n", p.method(), p.seed(), p.removed(),
          p.kept(), p.params(), p.paramsRemoved(), p.testAccuracy(), p.validationAccuracy()));
    }
    AtomicFiles.writeString(file, sb.toString());
  }

  private static ObjectNode metrics(Result r, TrainingRunConfig training) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", training.modelName());
    root.put("dataset", training.dataset().cliName());
    root.put("layer", r.layer());
    root.put("neurons", r.neurons());
    root.put("dense_params", r.denseParams());
    root.put("dense_test_accuracy", r.denseTest());
    root.set("points", Json.MAPPER.valueToTree(r.points()));
    if (r.auto() != null) {
      ObjectNode a = root.putObject("auto");
      a.put("removed", r.auto().removed());
      a.put("params_removed", r.auto().paramsRemoved());
      a.put("test_accuracy", r.auto().testAccuracy());
      a.put("test_accuracy_drop", r.denseTest() - r.auto().testAccuracy());
    }
    root.put("knee", r.saliency().knee());
    return root;
  }
}
