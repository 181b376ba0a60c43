package dev.prunus.model;

import dev.prunus.InvalidInputException;

/**
 * Multiplies each channel by its entry of an optional 0/1 mask named {@link #maskName()} (shape
 * {@code [channels]}); without a mask it passes its input unchanged. It has no weights. NNrelief's
 * residual rule closes a block's shortcut channel by channel with it, where the shortcut carries less than
 * a {@code 1 - alpha} share of the channel's sum: lowering puts one
 * named {@code <block>.shortcut} on every residual block's shortcut, so its mask is
 * {@code <block>.shortcut_mask}.
 */
public record ChannelGateLayer(String name, int channels) implements UnaryLayer, NamedLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    if (in.channels() != channels) {
      throw new InvalidInputException("gate " + name + " expects " + channels + " channels but receives " + in);
    }
    return in;
  }

  /** The name of the gate's mask in a model's {@link Masks}. */
  public String maskName() {
    return name + "_mask";
  }
}
