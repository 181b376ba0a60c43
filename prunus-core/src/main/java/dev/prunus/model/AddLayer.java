package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * Element-wise sum of two tensors of one shape: a residual connection. Channel {@code c} of each addend
 * is added into channel {@code c} of the output, so structured pruning removes them together.
 */
public record AddLayer() implements Layer {
  @Override
  public TensorShape outputShape(List<TensorShape> inputs) {
    if (inputs.size() != 2) {
      throw new InvalidInputException("add takes two inputs, not " + inputs.size());
    }
    if (!inputs.get(0).equals(inputs.get(1))) {
      throw new InvalidInputException("add of " + inputs.get(0) + " and " + inputs.get(1) + ": the shapes differ");
    }
    return inputs.get(0);
  }
}
