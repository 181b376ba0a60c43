package dev.prunus.model;

import java.util.Arrays;

/**
 * A float tensor held on the Java heap: a shape and its values in row-major order. A value: treat
 * {@code data} as read-only (use {@link #copy()} to change it).
 */
public record Tensor(long[] shape, float[] data) {
  public Tensor {
    shape = shape.clone();
    if (numel(shape) != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + numel(shape) + " values, not " + data.length);
    }
  }

  public static Tensor zeros(long... shape) {
    return new Tensor(shape, new float[(int) numel(shape)]);
  }

  public static Tensor filled(float value, long... shape) {
    float[] d = new float[(int) numel(shape)];
    Arrays.fill(d, value);
    return new Tensor(shape, d);
  }

  public static long numel(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  public int size() {
    return data.length;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public Tensor copy() {
    return new Tensor(shape, data.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
