package dev.prunus.prune;

import dev.prunus.model.Model;

/**
 * Carries out a plan by masking: the plan's masks are composed with the model's (an entry survives only
 * if both keep it, so masks only shrink) and the removed weights are zeroed; the shapes stay. Training
 * then keeps the masked entries at exactly zero ({@link dev.prunus.train.TrainableNetwork}). Returns a new
 * model; the input is not changed.
 */
public final class MaskApplier {
  private MaskApplier() {}

  public static Model apply(Model model, PruningPlan plan) {
    if (!plan.removals().isEmpty()) {
      throw new IllegalStateException("plan of " + plan.method() + " removes units; unit removal is not available yet");
    }
    return model.pruned(plan.masks());
  }
}
