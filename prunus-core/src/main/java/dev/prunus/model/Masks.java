package dev.prunus.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The masks of a network by parameter name. A parameter without a mask is dense. Immutable; masks only
 * shrink: {@link #and} intersects.
 */
public record Masks(Map<String, Mask> byParameter) {
  public static final Masks NONE = new Masks(Map.of());

  public Masks {
    byParameter = Collections.unmodifiableMap(new LinkedHashMap<>(byParameter));
  }

  public boolean isEmpty() {
    return byParameter.isEmpty();
  }

  public Mask get(String parameter) {
    return byParameter.get(parameter);
  }

  /** Intersection: an entry survives only where both keep it. */
  public Masks and(Masks other) {
    Map<String, Mask> m = new LinkedHashMap<>(byParameter);
    other.byParameter.forEach((k, v) -> m.merge(k, v, Mask::and));
    return new Masks(m);
  }

  /** Zeroes every masked entry of {@code w}; masks of things without weights (shortcut masks) are skipped. */
  public Weights apply(Weights w) {
    Weights out = w;
    for (Map.Entry<String, Mask> e : byParameter.entrySet()) {
      if (!w.tensors().containsKey(e.getKey())) {
        continue;
      }
      out = out.with(e.getKey(), e.getValue().apply(w.get(e.getKey())));
    }
    return out;
  }
}
