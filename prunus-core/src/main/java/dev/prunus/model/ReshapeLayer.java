package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.Arrays;

/**
 * Reshapes each example to {@code dims} (row-major, the same number of values): a flatten when
 * {@code dims} has one axis, a channel shuffle's grouping otherwise.
 */
public record ReshapeLayer(int[] dims) implements UnaryLayer {
  public ReshapeLayer {
    dims = dims.clone();
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    TensorShape out = new TensorShape(dims);
    if (out.size() != in.size()) {
      throw new InvalidInputException("reshape of " + in + " to " + out + ": the sizes differ");
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReshapeLayer r && Arrays.equals(dims, r.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return "ReshapeLayer[" + Arrays.toString(dims) + "]";
  }
}
