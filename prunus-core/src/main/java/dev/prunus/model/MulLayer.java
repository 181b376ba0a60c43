package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * Element-wise product of two tensors with broadcasting over axes of size 1: squeeze-excitation scales a
 * {@code [C, H, W]} map by a {@code [C, 1, 1]} gate, SiLU multiplies {@code x} by its sigmoid. Channels
 * multiplied together are removed together.
 */
public record MulLayer() implements Layer {
  @Override
  public TensorShape outputShape(List<TensorShape> inputs) {
    if (inputs.size() != 2) {
      throw new InvalidInputException("mul takes two inputs, not " + inputs.size());
    }
    return Broadcast.shape("mul", inputs.get(0), inputs.get(1));
  }
}
