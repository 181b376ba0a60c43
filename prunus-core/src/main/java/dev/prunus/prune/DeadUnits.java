package dev.prunus.prune;

import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which unit groups of a masked model can be physically removed without changing its outputs: the rule
 * {@link Compactor} applies. A group is dead when it is removable ({@link UnitGroup#removable()}) and
 * either
 *
 * <ul>
 *   <li>every member is <em>silent</em>, its output provably exactly zero for any input: its weight row is
 *       fully masked, its bias masked or absent, and the gamma and beta entries of every batch norm the
 *       group's channels pass through are each masked or exactly zero (the batch norm then outputs
 *       {@code (x - mean) / sqrt(var + eps) * 0 + 0 = 0}); the residual sum of silent members is zero; or
 *   <li>every consumer <em>ignores</em> it: all of its consumer columns are fully masked, so whatever it
 *       outputs is multiplied by zero.
 * </ul>
 *
 * Masks, not values, decide for weights and biases: a weight that is zero but unmasked may train back,
 * and compaction is for the pruned model as it will keep training. Mixed cases (some members silent,
 * some consumers reading) are kept: removing them would change the outputs.
 */
public final class DeadUnits {
  private DeadUnits() {}

  /** For every group of {@code coupling} (built from {@code model}'s architecture): whether it is dead. */
  public static boolean[] of(Model model, ChannelDependencies coupling) {
    Map<String, PrunableLayer> layers = byName(model);
    List<UnitGroup> groups = coupling.groups();
    boolean[] dead = new boolean[groups.size()];
    for (int i = 0; i < dead.length; i++) {
      UnitGroup g = groups.get(i);
      if (!g.removable()) {
        continue;
      }
      dead[i] = g.members().stream().allMatch(m -> silent(model, layers.get(m.layer()), m))
          && g.normalizers().stream().allMatch(e -> maskedOrZero(model, e.layer() + ".gamma", e.channel())
              && maskedOrZero(model, e.layer() + ".beta", e.channel()))
          || g.consumers().stream().allMatch(c -> ignored(model, layers.get(c.layer()), c));
    }
    return dead;
  }

  /** True when {@code member}'s output is exactly zero whatever the input. */
  public static boolean silent(Model model, PrunableLayer layer, UnitGroup.Member member) {
    Mask w = model.masks().get(layer.weightName());
    if (w == null) {
      return false;
    }
    int row = layer.inputUnits() * layer.weightsPerConnection();
    boolean[] keep = w.keep();
    for (int i = member.unit() * row, end = i + row; i < end; i++) {
      if (keep[i]) {
        return false;
      }
    }
    if (layer.hasBias() && !masked(model, layer.biasName(), member.unit())) {
      return false;
    }
    return member.batchNorm().map(bn ->
        maskedOrZero(model, bn + ".gamma", member.unit()) && maskedOrZero(model, bn + ".beta", member.unit()))
        .orElse(true);
  }

  /** True when every weight reading {@code columns} is masked. */
  public static boolean ignored(Model model, PrunableLayer consumer, UnitGroup.Columns columns) {
    Mask w = model.masks().get(consumer.weightName());
    if (w == null) {
      return false;
    }
    boolean[] keep = w.keep();
    int k = consumer.weightsPerConnection();
    int in = consumer.inputUnits();
    for (int o = 0; o < consumer.outputUnits(); o++) {
      int from = (o * in + columns.first()) * k;
      int to = from + columns.count() * k;
      for (int i = from; i < to; i++) {
        if (keep[i]) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean masked(Model model, String parameter, int index) {
    Mask m = model.masks().get(parameter);
    return m != null && !m.keep()[index];
  }

  private static boolean maskedOrZero(Model model, String parameter, int index) {
    return masked(model, parameter, index) || model.weights().get(parameter).data()[index] == 0f;
  }

  static Map<String, PrunableLayer> byName(Model model) {
    Map<String, PrunableLayer> out = new LinkedHashMap<>();
    for (PrunableLayer p : model.architecture().prunableLayers()) {
      out.put(p.name(), p);
    }
    return out;
  }
}
