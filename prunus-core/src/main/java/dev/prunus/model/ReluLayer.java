package dev.prunus.model;

/** Rectified linear unit, element-wise. */
public record ReluLayer() implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
