package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
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
 */
public final class Magnitude implements PruningMethod {
  public static final String ID = "magnitude";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "keep the largest |w|, layer-wise or global (Han et al. 2015)",
      Granularity.WEIGHT,
      ScheduleKind.ONE_SHOT,
      List.of(
        MethodOption.choice("scope", "global", List.of("global", "layer"), "rank weights across layers or per layer"),
        MethodOption.of("min-layer-density", "0.01", "global scope: each layer keeps at least this share of its weights"),
        MethodOption.choice("layers", "all", LayerSelection.CHOICES, "which conv/linear layers to prune")));

  /** Declares the method and its options. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      return new Magnitude(o.string("scope").equals("global"), o.number("min-layer-density", 0, 1),
          LayerSelection.parse(o.string("layers")));
    }
  }

  private final boolean global;
  private final double floor;
  private final LayerSelection layers;

  public Magnitude(boolean global, double floor, LayerSelection layers) {
    this.global = global;
    this.floor = floor;
    this.layers = layers;
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
    if (global && target.density() < floor) {
      throw new InvalidInputException("density " + target.density() + " is below magnitude's min-layer-density "
          + floor + ": global scope keeps at least that share of every layer, so it cannot prune further; pass "
          + "--min-layer-density " + target.density() / 2 + " (or 0), or a density of at least " + floor);
    }
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    List<PrunableLayer> selected = layers.select(model.architecture());
    Map<String, float[]> scores = scores(model, selected);
    Masks masks = global
        ? ScoreSelection.global(model, selected, scores, context.target(), floor)
        : ScoreSelection.layerwise(model, selected, scores, context.target());
    return PruningPlan.ofMasks(ID, masks, Map.of("scope", global ? "global" : "layer"));
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
