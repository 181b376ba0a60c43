package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.LayerBudget;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.Scope;
import dev.prunus.prune.TopK;
import dev.prunus.run.RunDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random pruning, the sanity baseline (a method that does not beat random masks of the same per-layer
 * density has found no useful structure): removes a uniformly random subset of the weights
 * still kept. Layer-wise at the target density, globally (every weight equally likely, so layers end near
 * the same density), or at given per-layer densities ({@code --densities fc1=0.05,fc2=0.3}, or
 * {@code --match RUN} to copy the per-layer densities of another run's masks), so that a method can be
 * compared with random masks of the same layer profile. With {@code --allocation erk|er|uniform} the
 * per-layer densities come from {@link LayerBudget} (with {@code --count params}, the same budget as
 * Small-World's, so {@code random --allocation erk --count params} is a random mask with Small-World's
 * per-layer densities at the same {@code --density}). Granularity: weight. Seeded: the same seed gives
 * the same mask.
 *
 * <p>From Java: {@code RandomPruning.builder().optDensities(RandomPruning.densitiesOf(other)).build()}.
 */
public final class RandomPruning implements PruningMethod {
  public static final String ID = "random";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "remove uniformly random weights: layer-wise, global, or at another run's per-layer densities",
      Granularity.WEIGHT,
      ScheduleKind.ONE_SHOT,
      List.of(
        MethodOption.choice("scope", Scope.LAYER.cliName(), List.of("layer", "global"), "same density per layer, or one pool"),
        MethodOption.of("densities", "", "per-layer densities, e.g. fc1=0.05,fc2=0.3 (overrides --sparsity for those layers)"),
        MethodOption.of("match", "", "a run directory whose per-layer weight densities to copy"),
        MethodOption.choice("allocation", "none", List.of("none", "erk", "er", "uniform"),
            "per-layer densities from a budget rule (as small-world's --budget) instead of --scope"),
        MethodOption.choice("count", "weights", LayerBudget.Count.CHOICES,
            "with --allocation: what --density is a share of (params = weights+biases, as small-world)"),
        MethodOption.choice("layers", "all", LayerSelection.CHOICES, "which conv/linear layers to prune")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      Map<String, Double> densities = parseDensities(o.string("densities"));
      if (o.given("match")) {
        if (!densities.isEmpty()) {
          throw new InvalidInputException("give {{densities}} or {{match}}, not both");
        }
        densities = densitiesOf(ModelFile.read(new RunDirectory(Path.of(o.string("match"))).model()));
      }
      String allocation = o.string("allocation");
      if (!allocation.equals("none") && !densities.isEmpty()) {
        throw new InvalidInputException("give {{allocation}} or {{densities}}/{{match}}, not both");
      }
      return builder()
          .optScope(o.choice("scope", Scope.class))
          .optDensities(densities)
          .optLayers(o.choice("layers", LayerSelection.class))
          .optAllocation(allocation.equals("none") ? null : LayerBudget.Rule.parse(allocation))
          .optCount(o.choice("count", LayerBudget.Count.class))
          .build();
    }
  }

  /** Random pruning's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private Scope scope = Scope.LAYER;
    private Map<String, Double> densities = Map.of();
    private LayerSelection layers = LayerSelection.ALL;
    private LayerBudget.Rule allocation;
    private LayerBudget.Count count = LayerBudget.Count.WEIGHTS;

    private Builder() {}

    /** The same density in every layer ({@code LAYER}, the default) or one random pool ({@code GLOBAL}). */
    public Builder optScope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /**
     * Densities in (0, 1] by layer name, e.g. {@code fc1=0.05}; the other layers take the target's (default:
     * none). {@link RandomPruning#densitiesOf} gives another model's.
     */
    public Builder optDensities(Map<String, Double> densities) {
      this.densities = densities;
      return this;
    }

    /** The layers to prune (default: all). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * Per-layer densities from a budget rule ({@link LayerBudget}) instead of the scope, or null for none (the
     * default); not with {@link #optDensities}.
     */
    public Builder optAllocation(LayerBudget.Rule allocation) {
      this.allocation = allocation;
      return this;
    }

    /** With an allocation: what the target density is a share of (default: weights). */
    public Builder optCount(LayerBudget.Count count) {
      this.count = count;
      return this;
    }

    /**
     * The method.
     *
     * @throws InvalidInputException for a density outside (0, 1], an allocation beside densities, or a
     *     missing scope, layer selection or count
     */
    public RandomPruning build() {
      return new RandomPruning(this);
    }
  }

  private final Scope scope;
  private final Map<String, Double> densities;
  private final LayerSelection layers;
  private final LayerBudget.Rule allocation;
  private final LayerBudget.Count count;

  private RandomPruning(Builder b) {
    this.scope = ParameterCheck.present("scope", b.scope, "LAYER or GLOBAL");
    Map<String, Double> d = new LinkedHashMap<>();
    ParameterCheck.present("densities", b.densities, "an empty map for none").forEach((layer, density) ->
        ParameterCheck.require(density != null && density > 0 && density <= 1, "densities",
            layer + "=" + density, "must be densities in (0, 1], e.g. fc1=0.05"));
    d.putAll(b.densities);
    this.densities = java.util.Collections.unmodifiableMap(d);
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.ALL");
    this.allocation = b.allocation;
    this.count = ParameterCheck.present("count", b.count, "WEIGHTS or PARAMS");
    if (allocation != null && !densities.isEmpty()) {
      throw new InvalidInputException("give {{allocation}} or {{densities}}, not both");
    }
  }

  /** Settings at their defaults: the same density in every layer, all layers. */
  public static Builder builder() {
    return new Builder();
  }

  public Scope scope() {
    return scope;
  }

  /** The per-layer densities given, by layer name, in the order given. */
  public Map<String, Double> densities() {
    return densities;
  }

  public LayerSelection layers() {
    return layers;
  }

  /** The budget rule of the per-layer densities, or empty. */
  public java.util.Optional<LayerBudget.Rule> allocation() {
    return java.util.Optional.ofNullable(allocation);
  }

  public LayerBudget.Count count() {
    return count;
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    List<PrunableLayer> selected = layers.select(model.architecture());
    for (String name : densities.keySet()) {
      if (selected.stream().noneMatch(p -> p.name().equals(name))) {
        throw new InvalidInputException("{{densities}} names layer '" + name + "', which " + model.architecture().name()
            + " does not prune; its layers are " + selected.stream().map(PrunableLayer::name).toList());
      }
    }
    SplittableRandom root = new SplittableRandom(context.seed());
    Map<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableLayer p : selected) {
      SplittableRandom r = root.split();
      float[] s = new float[LayerSelection.currentMask(model, p).size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = (float) r.nextDouble();
      }
      scores.put(p.weightName(), s);
    }
    if (allocation != null) {
      LayerBudget.Allocation budget = LayerBudget.allocate(model.architecture(), selected, context.target().density(),
          allocation, count);
      Map<String, Mask> out = new LinkedHashMap<>();
      for (PrunableLayer p : selected) {
        Mask current = LayerSelection.currentMask(model, p);
        int keep = (int) Math.min(current.kept(), budget.layers().get(p.name()).weights());
        out.put(p.weightName(), new Mask(p.weightShape(), TopK.largest(scores.get(p.weightName()), current.keep(), keep)));
      }
      return PruningPlan.ofMasks(ID, new Masks(out), Map.of("scope", "allocation " + allocation.cliName(),
          "count", count.cliName(), "layer_density", budget.densities()));
    }
    if (scope == Scope.GLOBAL && densities.isEmpty()) {
      return PruningPlan.ofMasks(ID, ScoreSelection.global(model, selected, scores, context.target(), 0),
          Map.of("scope", "global"));
    }
    Map<String, Mask> out = new LinkedHashMap<>();
    for (PrunableLayer p : selected) {
      Mask current = LayerSelection.currentMask(model, p);
      Double d = densities.get(p.name());
      PruningTarget t = d == null ? context.target() : PruningTarget.ofDensity(d);
      out.put(p.weightName(), new Mask(p.weightShape(),
          TopK.largest(scores.get(p.weightName()), current.keep(), t.keep(current.size()))));
    }
    return PruningPlan.ofMasks(ID, new Masks(out), Map.of("scope", densities.isEmpty() ? "layer" : "per-layer densities"));
  }

  /** Weight density of every masked layer of {@code model}: {@link Builder#optDensities} for its layer profile. */
  public static Map<String, Double> densitiesOf(Model model) {
    Map<String, Double> d = new LinkedHashMap<>();
    for (PrunableLayer p : model.architecture().prunableLayers()) {
      Mask m = model.masks().get(p.weightName());
      if (m != null) {
        d.put(p.name(), m.density());
      }
    }
    return d;
  }

  static Map<String, Double> parseDensities(String text) {
    Map<String, Double> d = new LinkedHashMap<>();
    if (text.isBlank()) {
      return d;
    }
    for (String part : text.split(",")) {
      String[] kv = part.split("=");
      try {
        if (kv.length != 2) {
          throw new NumberFormatException();
        }
        d.put(kv[0].trim(), PruningTarget.ofDensity(Double.parseDouble(kv[1].trim())).density());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("{{densities='" + text + "'}} must be LAYER=DENSITY pairs, e.g. fc1=0.05,fc2=0.3");
      }
    }
    return d;
  }
}
