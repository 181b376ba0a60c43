package dev.prunus.prune;

import dev.prunus.model.Masks;
import java.util.List;
import java.util.Map;

/**
 * What a method decided to remove: masks (per parameter; composed with the model's current masks, so
 * they only shrink) and/or unit removals (neurons, filters), possibly with weight surgery. A value: it can
 * be saved ({@link PlanFile}), compared, and replayed onto the parent model ({@link MaskApplier}).
 * {@code details} holds what the method wants recorded about its decision (a threshold, a graph's
 * metrics), written to metrics.json under the method's id.
 */
public record PruningPlan(String method, Masks masks, List<UnitRemoval> removals, Map<String, Object> details) {
  public PruningPlan {
    removals = List.copyOf(removals);
    details = Map.copyOf(details);
  }

  public static PruningPlan ofMasks(String method, Masks masks, Map<String, Object> details) {
    return new PruningPlan(method, masks, List.of(), details);
  }
}
