package dev.prunus.model;

/** Element-wise {@code max(0, min(1, alpha * x + beta))}; PyTorch's {@code Hardsigmoid} is alpha 1/6, beta 1/2. */
public record HardSigmoidLayer(float alpha, float beta) implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
