package dev.prunus.model;

/** Element-wise logistic function {@code 1 / (1 + exp(-x))}. */
public record SigmoidLayer() implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
