package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.Arrays;

/**
 * Constant zero padding: {@code before[i]} zeros before and {@code after[i]} after along per-example axis
 * {@code i} ({@code [C, H, W]}: channels, rows, columns). Spatial padding brings 28x28 inputs to 32x32;
 * channel padding is the zero channels of He et al.'s option-A shortcut.
 */
public record PadLayer(int[] before, int[] after) implements UnaryLayer {
  public PadLayer {
    before = before.clone();
    after = after.clone();
    if (before.length != after.length || Arrays.stream(before).anyMatch(p -> p < 0)
        || Arrays.stream(after).anyMatch(p -> p < 0)) {
      throw new IllegalArgumentException("invalid padding " + Arrays.toString(before) + " " + Arrays.toString(after));
    }
  }

  /** {@code p} zeros on every side of the two spatial axes. */
  public static PadLayer spatial(int p) {
    return new PadLayer(new int[] {0, p, p}, new int[] {0, p, p});
  }

  /** {@code before} and {@code after} zero channels of a {@code [C, H, W]} map. */
  public static PadLayer channels(int before, int after) {
    return new PadLayer(new int[] {before, 0, 0}, new int[] {after, 0, 0});
  }

  @Override
  public int[] before() {
    return before.clone();
  }

  @Override
  public int[] after() {
    return after.clone();
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    if (in.rank() != before.length) {
      throw new InvalidInputException("padding for " + before.length + " axes does not fit a " + in + " input");
    }
    int[] d = in.dims();
    for (int i = 0; i < d.length; i++) {
      d[i] += before[i] + after[i];
    }
    return new TensorShape(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PadLayer p && Arrays.equals(before, p.before) && Arrays.equals(after, p.after);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(before) + Arrays.hashCode(after);
  }

  @Override
  public String toString() {
    return "PadLayer[before=" + Arrays.toString(before) + ", after=" + Arrays.toString(after) + "]";
  }
}
