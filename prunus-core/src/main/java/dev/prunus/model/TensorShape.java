package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one example of a tensor inside a network, the batch axis left out: {@code [C, H, W]} for a
 * feature map, {@code [F]} for a flat vector. Axis 0 is the channel (feature) axis.
 */
public record TensorShape(int[] dims) {
  public TensorShape {
    dims = dims.clone();
    if (dims.length == 0) {
      throw new IllegalArgumentException("a tensor shape needs at least one axis");
    }
    for (int d : dims) {
      if (d <= 0) {
        throw new InvalidInputException("shape " + Arrays.toString(dims) + " has an axis of size " + d);
      }
    }
  }

  public static TensorShape of(int... dims) {
    return new TensorShape(dims);
  }

  /** {@code [C, H, W]}. */
  public static TensorShape of(FeatureShape f) {
    return of(f.channels(), f.height(), f.width());
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  /** The size of axis 0. */
  public int channels() {
    return dims[0];
  }

  /** Values per channel: the product of every axis after the first (H*W for a map, 1 for a vector). */
  public int perChannel() {
    int n = 1;
    for (int i = 1; i < dims.length; i++) {
      n *= dims[i];
    }
    return n;
  }

  /** Values in one example. */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** This shape with axis {@code axis} set to {@code size}. */
  public TensorShape with(int axis, int size) {
    int[] d = dims.clone();
    d[axis] = size;
    return new TensorShape(d);
  }

  /** As a {@link FeatureShape}: {@code [C, H, W]}, or {@code [F, 1, 1]} for a vector. */
  public FeatureShape asFeatureShape() {
    return switch (dims.length) {
      case 1 -> new FeatureShape(dims[0], 1, 1);
      case 2 -> new FeatureShape(dims[0], dims[1], 1);
      case 3 -> new FeatureShape(dims[0], dims[1], dims[2]);
      default -> throw new IllegalStateException("shape " + this + " has more than three axes");
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorShape t && Arrays.equals(dims, t.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
  }
}
