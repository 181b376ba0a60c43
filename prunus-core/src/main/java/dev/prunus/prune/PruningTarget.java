package dev.prunus.prune;

import dev.prunus.InvalidInputException;

/**
 * How much to keep: the density (kept fraction) of the prunable weights, {@code 1 - sparsity}. Biases and
 * batch-norm parameters are not counted unless a method says so.
 */
public record PruningTarget(double density) {
  public PruningTarget {
    if (!(density > 0 && density <= 1)) {
      throw new InvalidInputException("density=" + density + " must be in (0, 1]: e.g. 0.1 keeps a tenth of the weights");
    }
  }

  public static PruningTarget ofSparsity(double sparsity) {
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new InvalidInputException("sparsity=" + sparsity + " must be in [0, 1): e.g. 0.9 removes nine weights in ten");
    }
    return new PruningTarget(1 - sparsity);
  }

  public static PruningTarget ofDensity(double density) {
    return new PruningTarget(density);
  }

  public double sparsity() {
    return 1 - density;
  }

  /** The number of entries to keep out of {@code n}: rounded to the nearest, at least 1 when n > 0. */
  public long keep(long n) {
    return n == 0 ? 0 : Math.max(1, Math.round(density * n));
  }
}
