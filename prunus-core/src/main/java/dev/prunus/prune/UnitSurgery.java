package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out {@link UnitRemoval}s by masking, in plan order, on working copies of the touched tensors (so
 * a greedy merge sequence over thousands of neurons costs one copy per tensor, not one per removal).
 *
 * <p>A removal masks the whole {@link UnitGroup} of its unit: every member's weight row, bias entry and
 * batch-norm gamma and beta (so the unit outputs exactly zero), and every consumer's input columns. In a
 * residual stage that is the coupled channel in every block: channels added together are removed
 * together. A merge (Srinivas &amp; Babu 2015) first adds {@code scale} times the unit's consumer columns
 * into those of unit {@code mergeInto}, on the current weights; it needs a unit its consumers read
 * directly (no batch norm between them, no residual coupling). Where a mask already removed an entry of
 * {@code mergeInto}'s columns, the added value is dropped with it: masks only shrink.
 */
final class UnitSurgery {
  private final Model model;
  private final ChannelDependencies coupling;
  private final Map<String, PrunableLayer> layers;
  private final Map<String, boolean[]> keep = new LinkedHashMap<>();
  private final Map<String, float[]> values = new LinkedHashMap<>();

  private UnitSurgery(Model model) {
    this.model = model;
    this.coupling = ChannelDependencies.of(model.architecture());
    this.layers = DeadUnits.byName(model);
  }

  /** {@code model} with {@code removals} carried out; {@code model} is not changed. */
  static Model apply(Model model, List<UnitRemoval> removals) {
    UnitSurgery s = new UnitSurgery(model);
    boolean[] removed = new boolean[s.coupling.groups().size()];
    for (UnitRemoval r : removals) {
      int g = s.coupling.groupIndex(r.layer(), r.unit());
      UnitGroup group = s.coupling.groups().get(g);
      if (!group.removable()) {
        throw new InvalidInputException("unit " + r.unit() + " of " + r.layer() + " cannot be removed: "
            + (group.pin() == UnitGroup.Pin.CLASSIFIER_OUTPUT
                ? "it is an output of the network (a class score)"
                : "it is added to a channel of the network input by a residual shortcut")
            + "; prune hidden units only");
      }
      if (r.isMerge()) {
        s.merge(r, removed);
      }
      s.mask(group);
      removed[g] = true;
    }
    return s.result();
  }

  private void merge(UnitRemoval r, boolean[] removed) {
    UnitGroup from = mergeable(r.layer(), r.unit(), r);
    int intoIndex = coupling.groupIndex(r.layer(), r.mergeInto());
    UnitGroup into = mergeable(r.layer(), r.mergeInto(), r);
    if (removed[intoIndex]) {
      throw new InvalidInputException("cannot merge unit " + r.unit() + " of " + r.layer() + " into unit "
          + r.mergeInto() + ": unit " + r.mergeInto() + " was removed earlier in this plan; merge into a kept unit");
    }
    for (int c = 0; c < from.consumers().size(); c++) {
      UnitGroup.Columns src = from.consumers().get(c);
      UnitGroup.Columns dst = into.consumers().get(c);
      if (!src.layer().equals(dst.layer()) || src.count() != dst.count()) {
        throw new IllegalStateException("units of " + r.layer() + " have different consumers: " + src + ", " + dst);
      }
      PrunableLayer consumer = layers.get(src.layer());
      float[] w = values(consumer.weightName());
      int k = consumer.weightsPerConnection();
      int in = consumer.inputUnits();
      float scale = (float) r.scale();
      for (int o = 0; o < consumer.outputUnits(); o++) {
        int s = (o * in + src.first()) * k;
        int d = (o * in + dst.first()) * k;
        for (int i = 0; i < src.count() * k; i++) {
          w[d + i] += scale * w[s + i];
        }
      }
    }
  }

  /** The group of a unit that takes part in a merge, or a clear error why it cannot. */
  private UnitGroup mergeable(String layer, int unit, UnitRemoval r) {
    UnitGroup g = coupling.groupOf(layer, unit);
    String what = "cannot merge unit " + r.unit() + " of " + layer + " into unit " + r.mergeInto() + ": unit " + unit;
    if (g.coupled()) {
      throw new InvalidInputException(what + " is added to other layers' channels by residual connections, so no "
          + "single set of columns carries it; drop it instead (UnitRemoval.drop)");
    }
    if (!g.normalizers().isEmpty()) {
      throw new InvalidInputException(what + " is normalised by batch norm " + g.normalizers().get(0).layer()
          + " before its consumers read it, so adding its outgoing weights to another unit's would not preserve "
          + "the output; merge only units read directly by the next layer, or drop it instead");
    }
    if (!g.removable()) {
      throw new InvalidInputException(what + " cannot be removed (" + g.pin() + "); merge hidden units only");
    }
    return g;
  }

  private void mask(UnitGroup g) {
    for (UnitGroup.Member m : g.members()) {
      PrunableLayer p = layers.get(m.layer());
      int row = p.inputUnits() * p.weightsPerConnection();
      clear(p.weightName(), m.unit() * row, row);
      if (p.hasBias()) {
        clear(p.biasName(), m.unit(), 1);
      }
    }
    for (UnitGroup.Entry e : g.normalizers()) {
      clear(e.layer() + ".gamma", e.channel(), 1);
      clear(e.layer() + ".beta", e.channel(), 1);
    }
    for (UnitGroup.Columns c : g.consumers()) {
      PrunableLayer consumer = layers.get(c.layer());
      int k = consumer.weightsPerConnection();
      int in = consumer.inputUnits();
      for (int o = 0; o < consumer.outputUnits(); o++) {
        clear(consumer.weightName(), (o * in + c.first()) * k, c.count() * k);
      }
    }
  }

  /** Masks (and zeroes, in a working copy if one exists) {@code count} entries from {@code from}. */
  private void clear(String parameter, int from, int count) {
    boolean[] k = keep(parameter);
    float[] v = values.get(parameter);
    for (int i = from; i < from + count; i++) {
      k[i] = false;
      if (v != null) {
        v[i] = 0f;
      }
    }
  }

  private boolean[] keep(String parameter) {
    return keep.computeIfAbsent(parameter, p -> {
      Mask m = model.masks().get(p);
      return m != null ? m.keep().clone() : Mask.ones(model.weights().get(p).shape()).keep();
    });
  }

  /** The working values of {@code parameter}: current weights with every mask so far applied. */
  private float[] values(String parameter) {
    return values.computeIfAbsent(parameter, p -> {
      float[] v = model.weights().get(p).data().clone();
      boolean[] k = keep.get(p);
      if (k != null) {
        for (int i = 0; i < v.length; i++) {
          if (!k[i]) {
            v[i] = 0f;
          }
        }
      }
      return v;
    });
  }

  private Model result() {
    Weights w = model.weights();
    for (Map.Entry<String, float[]> e : values.entrySet()) {
      w = w.with(e.getKey(), new Tensor(w.get(e.getKey()).shape(), e.getValue()));
    }
    Map<String, Mask> masks = new LinkedHashMap<>();
    keep.forEach((p, k) -> masks.put(p, new Mask(model.weights().get(p).shape(), k)));
    return new Model(model.architecture(), w, model.masks()).pruned(new Masks(masks));
  }
}
