package dev.prunus.model;

/**
 * A network as a value: its structure, its parameters and the masks that prune it. Editing a model
 * returns a new one; the masked entries of {@code weights} are zero. Masks are over parameters, or over
 * the shortcuts of residual blocks ({@link Architecture#shortcutMaskShapes()}), which have no weights.
 */
public record Model(Architecture architecture, Weights weights, Masks masks) {
  public Model {
    weights.requireShapes(architecture);
    for (var e : masks.byParameter().entrySet()) {
      long[] s = architecture.parameterShapes().get(e.getKey());
      if (s == null) {
        s = architecture.shortcutMaskShapes().get(e.getKey());
      }
      if (s == null || !java.util.Arrays.equals(s, e.getValue().shape())) {
        throw new IllegalArgumentException("mask for " + e.getKey() + " does not fit the architecture");
      }
    }
  }

  /** A dense model. */
  public Model(Architecture architecture, Weights weights) {
    this(architecture, weights, Masks.NONE);
  }

  /** This model with {@code more} masks composed in, and the masked weights zeroed. */
  public Model pruned(Masks more) {
    Masks m = masks.and(more);
    return new Model(architecture, m.apply(weights), m);
  }
}
