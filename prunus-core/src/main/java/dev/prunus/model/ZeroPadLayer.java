package dev.prunus.model;

/**
 * Pads each spatial border with {@code padding} zeros; lets 28x28 inputs reach architectures designed
 * for 32x32 (VGG, ResNet).
 */
public record ZeroPadLayer(int padding) implements Layer {
  @Override
  public FeatureShape outputShape(FeatureShape in) {
    return new FeatureShape(in.channels(), in.height() + 2 * padding, in.width() + 2 * padding);
  }
}
