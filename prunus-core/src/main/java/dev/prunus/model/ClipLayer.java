package dev.prunus.model;

/** Element-wise {@code min(max(x, min), max)}: ReLU6 is {@code [0, 6]}. */
public record ClipLayer(float min, float max) implements UnaryLayer {
  public ClipLayer {
    if (!(min <= max)) {
      throw new IllegalArgumentException("clip to [" + min + ", " + max + "] is empty");
    }
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
