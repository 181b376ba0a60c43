package dev.prunus.prune.method.relief;

import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The masks of one NNrelief pass while it is being decided: the model's masks (all ones where it has
 * none), copied on first change, which entries only ever leave. Mutable and private to one
 * {@link Relief#plan} call; {@link #masks()} gives the immutable result.
 */
final class WorkingMasks {
  private final Model model;
  private final Map<String, boolean[]> changed = new LinkedHashMap<>();

  WorkingMasks(Model model) {
    this.model = model;
  }

  /** Whether entry {@code index} of {@code name} is kept so far. */
  boolean keeps(String name, int index) {
    boolean[] k = changed.get(name);
    if (k != null) {
      return k[index];
    }
    Mask m = model.masks().get(name);
    return m == null || m.keep()[index];
  }

  /** Whether any of entries {@code [from, from + count)} of {@code name} is kept so far. */
  boolean anyKept(String name, int from, int count) {
    boolean[] k = changed.get(name);
    if (k == null) {
      Mask m = model.masks().get(name);
      if (m == null) {
        return count > 0;
      }
      k = m.keep();
    }
    for (int i = from; i < from + count; i++) {
      if (k[i]) {
        return true;
      }
    }
    return false;
  }

  /** Prunes entries {@code [from, from + count)} of {@code name}. */
  void clear(String name, int from, int count) {
    boolean[] k = changed.computeIfAbsent(name, this::current);
    for (int i = from; i < from + count; i++) {
      k[i] = false;
    }
  }

  /** Ensures {@code name} appears in {@link #masks()} even when nothing of it is pruned. */
  void touch(String name) {
    changed.computeIfAbsent(name, this::current);
  }

  /** Every mask touched so far. */
  Masks masks() {
    Map<String, Mask> out = new LinkedHashMap<>();
    changed.forEach((name, keep) -> out.put(name, new Mask(shape(name), keep.clone())));
    return new Masks(out);
  }

  private boolean[] current(String name) {
    Mask m = model.masks().get(name);
    return m != null ? m.keep().clone() : Mask.ones(shape(name)).keep();
  }

  private long[] shape(String name) {
    long[] s = model.architecture().parameterShapes().get(name);
    return s != null ? s : model.architecture().shortcutMaskShapes().get(name);
  }
}
