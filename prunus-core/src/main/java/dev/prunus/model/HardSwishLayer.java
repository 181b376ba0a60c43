package dev.prunus.model;

/** Element-wise {@code x * max(0, min(1, x / 6 + 1/2))} (MobileNetV3). */
public record HardSwishLayer() implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
