package dev.prunus.model;

import java.util.Arrays;

/**
 * A binary mask over one parameter tensor: {@code keep[i]} says whether entry {@code i} (row-major, the
 * parameter's shape) survives. A value: {@code keep} must not be mutated after construction.
 */
public record Mask(long[] shape, boolean[] keep) {
  public Mask {
    shape = shape.clone();
    if (Tensor.numel(shape) != keep.length) {
      throw new IllegalArgumentException("mask shape " + Arrays.toString(shape) + " does not match " + keep.length);
    }
  }

  public static Mask ones(long... shape) {
    boolean[] k = new boolean[(int) Tensor.numel(shape)];
    Arrays.fill(k, true);
    return new Mask(shape, k);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public int size() {
    return keep.length;
  }

  public int kept() {
    int n = 0;
    for (boolean b : keep) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  public double density() {
    return keep.length == 0 ? 1.0 : (double) kept() / keep.length;
  }

  /** Entries kept by both masks: the composition of two prunings (masks only shrink). */
  public Mask and(Mask other) {
    if (!Arrays.equals(shape, other.shape)) {
      throw new IllegalArgumentException("cannot combine masks of shapes " + Arrays.toString(shape)
          + " and " + Arrays.toString(other.shape));
    }
    boolean[] k = new boolean[keep.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = keep[i] && other.keep[i];
    }
    return new Mask(shape, k);
  }

  /** True when every entry this mask keeps is kept by {@code other} too (this mask is {@code other}, shrunk). */
  public boolean keepsSubsetOf(Mask other) {
    for (int i = 0; i < keep.length; i++) {
      if (keep[i] && !other.keep[i]) {
        return false;
      }
    }
    return true;
  }

  /** The mask as 0/1 floats, for multiplying into a weight tensor. */
  public float[] asFloats() {
    float[] f = new float[keep.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = keep[i] ? 1f : 0f;
    }
    return f;
  }

  /** Zeroes the removed entries of {@code t}. */
  public Tensor apply(Tensor t) {
    if (!Arrays.equals(shape, t.shape())) {
      throw new IllegalArgumentException("mask " + Arrays.toString(shape) + " does not fit " + t);
    }
    float[] d = t.data().clone();
    for (int i = 0; i < d.length; i++) {
      if (!keep[i]) {
        d[i] = 0f;
      }
    }
    return new Tensor(shape, d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mask m && Arrays.equals(shape, m.shape) && Arrays.equals(keep, m.keep);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(keep);
  }

  @Override
  public String toString() {
    return "Mask" + Arrays.toString(shape) + " kept " + kept() + "/" + keep.length;
  }
}
