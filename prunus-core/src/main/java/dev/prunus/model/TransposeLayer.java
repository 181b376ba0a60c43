package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.Arrays;

/** Permutes the per-example axes: output axis {@code i} is input axis {@code perm[i]} (channel shuffle). */
public record TransposeLayer(int[] perm) implements UnaryLayer {
  public TransposeLayer {
    perm = perm.clone();
    int[] sorted = perm.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i) {
        throw new IllegalArgumentException("transpose " + Arrays.toString(perm) + " is not a permutation");
      }
    }
  }

  @Override
  public int[] perm() {
    return perm.clone();
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    if (in.rank() != perm.length) {
      throw new InvalidInputException("transpose " + Arrays.toString(perm) + " does not fit a " + in + " input");
    }
    int[] d = new int[perm.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = in.dim(perm[i]);
    }
    return new TensorShape(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransposeLayer t && Arrays.equals(perm, t.perm);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(perm);
  }

  @Override
  public String toString() {
    return "TransposeLayer[" + Arrays.toString(perm) + "]";
  }
}
