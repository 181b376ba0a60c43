package dev.prunus.prune.method.relief;

import dev.prunus.model.Architecture;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.ChannelDependencies;
import dev.prunus.prune.UnitGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NNrelief's reading of a network's {@link ChannelDependencies}, for backward pruning (a unit whose outputs
 * are all pruned loses its incoming weights, bias and batch-norm entries):
 * where each unit's output goes, the input columns that read it and, in residual networks, the sums it is
 * added into (through the block's shortcut mask when it arrives by the shortcut).
 *
 * <p>A unit is <em>used</em> when one of its columns still has a kept weight, when it is a network output,
 * or when it is added into a sum that is used (by the shortcut only while that channel's shortcut mask is
 * open). This generalises the authors' ResNet rule ("a block output channel is removable when the next
 * block's conv1 column is empty and the shortcut mask for that channel is 0") to a channel whose shortcut
 * leads into a channel that is itself unused.
 */
final class UnitGraph {
  private final ChannelDependencies deps;
  private final Map<String, PrunableLayer> layers = new LinkedHashMap<>();

  private UnitGraph(Architecture arch) {
    this.deps = ChannelDependencies.of(arch);
    for (PrunableLayer p : arch.prunableLayers()) {
      layers.put(p.name(), p);
    }
  }

  static UnitGraph of(Architecture arch) {
    return new UnitGraph(arch);
  }

  /** The source of output unit {@code unit} of {@code layer}. */
  ChannelDependencies.Source unit(String layer, int unit) {
    return deps.unit(layer, unit);
  }

  /** True when {@code source}'s output still reaches a kept weight or the network output. */
  boolean used(ChannelDependencies.Source source, WorkingMasks masks) {
    if (source.output()) {
      return true;
    }
    for (UnitGroup.Columns c : source.readers()) {
      if (anyKept(c, masks)) {
        return true;
      }
    }
    for (ChannelDependencies.Sum s : source.sums()) {
      if ((s.gateMask() == null || masks.keeps(s.gateMask(), s.gateIndex())) && used(s.into(), masks)) {
        return true;
      }
    }
    return false;
  }

  private boolean anyKept(UnitGroup.Columns c, WorkingMasks masks) {
    PrunableLayer l = layers.get(c.layer());
    int k = l.weightsPerConnection();
    int in = l.inputUnits();
    for (int o = 0; o < l.outputUnits(); o++) {
      int from = (o * in + c.first()) * k;
      if (masks.anyKept(l.weightName(), from, c.count() * k)) {
        return true;
      }
    }
    return false;
  }
}
