package dev.prunus.prune;

import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import java.util.HashSet;
import java.util.Set;

/**
 * The contract for methods that remove whole units (neurons, filters): density is counted in units of
 * the layers the plan removes units from, {@code kept = units - removals}.
 */
public abstract class UnitMethodContract extends MethodContract {
  @Override
  protected long[] keptAndTotal(Model pruned, PruningPlan plan) {
    Set<String> layers = new HashSet<>();
    plan.removals().forEach(r -> layers.add(r.layer()));
    long total = 0;
    long kept = 0;
    for (PrunableLayer p : pruned.architecture().prunableLayers()) {
      if (layers.contains(p.name())) {
        total += p.outputUnits();
        kept += p.outputUnits() - plan.removals().stream().filter(r -> r.layer().equals(p.name())).count();
      }
    }
    return new long[] {kept, total};
  }
}
