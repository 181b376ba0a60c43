package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * Joins its inputs along per-example axis {@code axis} (0: the channels, as Inception, DenseNet, SqueezeNet's
 * Fire and ShuffleNet do); the other axes must agree.
 */
public record ConcatLayer(int axis) implements Layer {
  @Override
  public TensorShape outputShape(List<TensorShape> inputs) {
    if (inputs.isEmpty()) {
      throw new InvalidInputException("concat needs at least one input");
    }
    TensorShape first = inputs.get(0);
    if (axis < 0 || axis >= first.rank()) {
      throw new InvalidInputException("concat axis " + axis + " does not fit " + first);
    }
    int total = 0;
    for (TensorShape t : inputs) {
      if (t.rank() != first.rank() || !t.with(axis, 1).equals(first.with(axis, 1))) {
        throw new InvalidInputException("concat of " + first + " and " + t + " along axis " + axis + ": other axes differ");
      }
      total += t.dim(axis);
    }
    return first.with(axis, total);
  }
}
