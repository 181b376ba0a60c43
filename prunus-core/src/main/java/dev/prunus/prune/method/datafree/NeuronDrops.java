package dev.prunus.prune.method.datafree;

import dev.prunus.ParameterCheck;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.UnitRemoval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of a neuron-removal baseline without surgery (Srinivas &amp; Babu's comparisons): in each
 * hidden fully connected layer ({@link HiddenFcLayer}), {@link NeuronCount} alive neurons chosen by a
 * rule are dropped, their rows, biases and outgoing columns removed, with nothing added elsewhere. The
 * baselines differ only in their {@link Rule}; this class is their method and factory.
 */
final class NeuronDrops implements PruningMethod {
  private final MethodInfo info;
  private final NeuronCount count;
  private final Rule rule;

  /** The baseline declared by {@code info}, removing {@code count} neurons chosen by {@code rule}. */
  static NeuronDrops of(MethodInfo info, NeuronCount count, Rule rule) {
    return new NeuronDrops(info, count, rule);
  }

  private NeuronDrops(MethodInfo info, NeuronCount count, Rule rule) {
    this.info = info;
    this.count = ParameterCheck.present("remove", count, "e.g. NeuronCount.byDensity()");
    this.rule = rule;
  }

  /** The factory of the baseline declared by {@code info} (whose options are {@link NeuronCount#DECLARATION}). */
  static MethodFactory factory(MethodInfo info, Rule rule) {
    return new MethodFactory() {
      @Override
      public MethodInfo info() {
        return info;
      }

      @Override
      public PruningMethod create(MethodOptions o) {
        return of(info, NeuronCount.parse(o.string(NeuronCount.OPTION)), rule);
      }

      @Override
      public java.util.OptionalDouble impliedDensity(MethodOptions o) {
        return NeuronCount.impliedDensity(o, false);
      }
    };
  }

  @Override
  public MethodInfo info() {
    return info;
  }

  /** Picks which {@code k} alive neurons of a layer to drop. */
  @FunctionalInterface
  interface Rule {
    /** The {@code k} neurons to drop (alive ones only), in the order they are chosen. */
    int[] choose(Model model, HiddenFcLayer layer, int k, long seed);
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    String method = info.id();
    List<HiddenFcLayer> layers = HiddenFcLayer.of(model, method);
    count.requireKnown(layers);
    List<UnitRemoval> removals = new ArrayList<>();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (int l = 0; l < layers.size(); l++) {
      HiddenFcLayer layer = layers.get(l);
      int k = count.of(layer, context.target());
      for (int unit : rule.choose(model, layer, k, context.seed() + l)) {
        if (!layer.isAlive(unit)) {
          throw new IllegalStateException(method + " chose dead neuron " + unit + " of " + layer.layer().name());
        }
        removals.add(UnitRemoval.drop(layer.layer().name(), unit));
      }
      kept.put(layer.layer().name(), (layer.aliveCount() - k) + "/" + layer.layer().outFeatures());
    }
    return new PruningPlan(method, Masks.NONE, removals, Map.of(
        "rule", count.fromTarget() ? "density" : "count", "neurons-kept", kept));
  }
}
