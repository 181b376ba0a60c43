package dev.prunus.prune;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Removal of output unit {@code unit} (a neuron or filter) of prunable layer {@code layer}, with optional
 * weight surgery: when {@code mergeInto >= 0}, the removed unit's outgoing weights in the next layer,
 * times {@code scale}, are first added to those of unit {@code mergeInto} (Srinivas &amp; Babu's merge).
 * Without surgery the unit is simply removed. A unit coupled to others by residual additions is removed
 * with its whole {@link UnitGroup} (see {@link MaskApplier}).
 */
public record UnitRemoval(String layer, int unit, int mergeInto, double scale) {
  public static UnitRemoval drop(String layer, int unit) {
    return new UnitRemoval(layer, unit, -1, 0);
  }

  public static UnitRemoval merge(String layer, int unit, int into, double scale) {
    if (into == unit || into < 0) {
      throw new IllegalArgumentException("unit " + unit + " of " + layer + " cannot merge into " + into);
    }
    return new UnitRemoval(layer, unit, into, scale);
  }

  /** Derived from {@code mergeInto}, so not saved in plan files. */
  @JsonIgnore
  public boolean isMerge() {
    return mergeInto >= 0;
  }
}
