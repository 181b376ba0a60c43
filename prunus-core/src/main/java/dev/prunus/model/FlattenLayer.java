package dev.prunus.model;

/**
 * Flattens {@code [C, H, W]} to {@code [C*H*W]} in channel-major order: channel {@code c} owns the
 * block of columns {@code [c*H*W, (c+1)*H*W)} of the next linear layer.
 */
public record FlattenLayer() implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    return TensorShape.of((int) in.size());
  }
}
