package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
import dev.prunus.model.Architecture;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.Granularity;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Magnitude pruning (Han, Pool, Tran &amp; Dally, "Learning both Weights and Connections for Efficient
 * Neural Networks", NeurIPS 2015): keeps the weights of largest absolute value.
 * Layer-wise, every selected layer keeps the target density of its weights; global, the weights of all
 * selected layers are ranked together, after each layer first keeps its own largest
 * {@code min-layer-density} of weights (the floor against layer collapse at extreme sparsity). Granularity:
 * weight; biases stay. The standard baseline after training, one-shot with fine-tuning or iterative;
 * prefer global for deep networks. Ties are broken by position, so the plan is deterministic.
 *
 * <p>From Java: {@code Magnitude.builder().optScope(Scope.LAYER).build()}; every option has the default
 * {@code prunus methods} lists.
 */
public final class Magnitude implements PruningMethod {
  public static final String ID = "magnitude";

  /** The default of {@code minLayerDensity}: each layer keeps at least 1% of its weights under global scope. */
  public static final double DEFAULT_MIN_LAYER_DENSITY = 0.01;

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "keep the largest |w|, layer-wise or global (Han et al. 2015)",
      Granularity.WEIGHT,
      ScheduleKind.ONE_SHOT,
      List.of(
        MethodOption.choice("scope", Scope.GLOBAL.cliName(), Scope.CHOICES, "rank weights across layers or per layer"),
        MethodOption.of("min-layer-density", Double.toString(DEFAULT_MIN_LAYER_DENSITY),
            "global scope: each layer keeps at least this share of its weights"),
        MethodOption.choice("layers", LayerSelection.ALL.cliName(), LayerSelection.CHOICES,
            "which conv/linear layers to prune")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      return builder()
          .optScope(o.choice("scope", Scope.class))
          .optMinLayerDensity(o.number("min-layer-density"))
          .optLayers(o.choice("layers", LayerSelection.class))
          .build();
    }
  }

  /** Magnitude pruning's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private Scope scope = Scope.GLOBAL;
    private double minLayerDensity = DEFAULT_MIN_LAYER_DENSITY;
    private LayerSelection layers = LayerSelection.ALL;

    private Builder() {}

    /** One ranking over all selected layers ({@code GLOBAL}, the default) or one per layer. */
    public Builder optScope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /** Global scope: the share of its weights every layer keeps whatever the ranking, in [0, 1] (default 0.01). */
    public Builder optMinLayerDensity(double minLayerDensity) {
      this.minLayerDensity = minLayerDensity;
      return this;
    }

    /** The layers to prune (default: all). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * The method.
     *
     * @throws InvalidInputException for a missing scope or layer selection, or a floor outside [0, 1]
     */
    public Magnitude build() {
      return new Magnitude(this);
    }
  }

  private final Scope scope;
  private final double floor;
  private final LayerSelection layers;

  private Magnitude(Builder b) {
    this.scope = ParameterCheck.present("scope", b.scope, "GLOBAL or LAYER");
    this.floor = ParameterCheck.between("minLayerDensity", b.minLayerDensity, 0, 1);
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.ALL");
  }

  /** Settings at their defaults: global scope, a floor of 0.01, every layer. */
  public static Builder builder() {
    return new Builder();
  }

  public Scope scope() {
    return scope;
  }

  public double minLayerDensity() {
    return floor;
  }

  public LayerSelection layers() {
    return layers;
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  /**
   * Global scope keeps at least {@code min-layer-density} of every layer, so it cannot go below that
   * density: such a target is refused before the run starts (it used to stop silently at the floor).
   */
  @Override
  public void check(Architecture arch, PruningTarget target) {
    if (scope == Scope.GLOBAL && target.density() < floor) {
      throw new InvalidInputException("density " + target.density() + " is below magnitude's {{minLayerDensity="
          + floor + "}}: global scope keeps at least that share of every layer, so it cannot prune further; pass "
          + "{{minLayerDensity=" + target.density() / 2 + "}} (or 0), or a density of at least " + floor);
    }
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    List<PrunableLayer> selected = layers.select(model.architecture());
    Map<String, float[]> scores = scores(model, selected);
    Masks masks = scope == Scope.GLOBAL
        ? ScoreSelection.global(model, selected, scores, context.target(), floor)
        : ScoreSelection.layerwise(model, selected, scores, context.target());
    return PruningPlan.ofMasks(ID, masks, Map.of("scope", scope.cliName()));
  }

  /** |w| of every weight of {@code layers}, by weight name: what magnitude pruning ranks. */
  public static Map<String, float[]> scores(Model model, List<PrunableLayer> layers) {
    Map<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableLayer p : layers) {
      float[] w = model.weights().get(p.weightName()).data();
      float[] s = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        s[i] = Math.abs(w[i]);
      }
      scores.put(p.weightName(), s);
    }
    return scores;
  }
}
