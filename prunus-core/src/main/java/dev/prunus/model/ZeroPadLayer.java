package dev.prunus.model;

/**
 * Pads each spatial border with {@code padding} zeros; lets 28x28 inputs reach architectures designed
 * for 32x32 (VGG, ResNet). Vocabulary of {@link Architecture#sequential}, lowered to a {@link PadLayer}.
 */
public record ZeroPadLayer(int padding) implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return asPad().outputShape(in);
  }

  /** The graph's form of this padding. */
  public PadLayer asPad() {
    return PadLayer.spatial(padding);
  }
}
