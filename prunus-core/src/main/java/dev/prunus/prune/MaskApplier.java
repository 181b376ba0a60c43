package dev.prunus.prune;

import dev.prunus.model.Model;

/**
 * Carries out a plan by masking: the plan's masks are composed with the model's (an entry survives only
 * if both keep it, so masks only shrink) and the removed weights are zeroed; the shapes stay. Then the
 * plan's unit removals are carried out in order (see {@link UnitSurgery}): each masks the whole
 * {@link UnitGroup} of its unit (weight rows, biases, batch-norm gamma and beta, consumers' input columns),
 * after adding the unit's outgoing weights into another unit's when it is a merge. Training then keeps the
 * masked entries at exactly zero ({@link dev.prunus.train.TrainableNetwork}); {@link Compactor} removes the
 * dead units physically. Returns a new model; the input is not changed.
 */
public final class MaskApplier {
  private MaskApplier() {}

  /**
   * {@code model} pruned by {@code plan}.
   *
   * @throws dev.prunus.InvalidInputException if a removal names a unit that does not exist, a network
   *     output, or a merge the model's structure does not allow (a unit behind batch norm or coupled by a
   *     residual addition), naming the unit and the layer
   */
  public static Model apply(Model model, PruningPlan plan) {
    Model masked = model.pruned(plan.masks());
    return plan.removals().isEmpty() ? masked : UnitSurgery.apply(masked, plan.removals());
  }
}
