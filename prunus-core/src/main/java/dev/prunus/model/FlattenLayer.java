package dev.prunus.model;

/**
 * Flattens {@code [C, H, W]} to {@code [C*H*W, 1, 1]} in channel-major order: channel {@code c} owns the
 * block of columns {@code [c*H*W, (c+1)*H*W)} of the next linear layer.
 */
public record FlattenLayer() implements Layer {
  @Override
  public FeatureShape outputShape(FeatureShape in) {
    return new FeatureShape((int) in.size(), 1, 1);
  }
}
