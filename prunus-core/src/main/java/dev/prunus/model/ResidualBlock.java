package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * A residual block: {@code branch(x) + shortcut(x)}. Vocabulary of {@link Architecture#sequential}, which
 * lowers it into the branch's nodes, the shortcut's, a {@link ChannelGateLayer} named
 * {@code <name>.shortcut} and an {@link AddLayer} named {@code name}. The activation after the addition is a separate
 * {@link ReluLayer} in the enclosing list. Channels of the branch output and of the shortcut output are
 * added together one to one.
 *
 * <p>A block may carry a per-channel <em>shortcut mask</em> ({@link #shortcutMaskName()}, shape
 * {@code [outChannels]}): a mask entry of 0 cuts the shortcut for that output channel, so the block adds
 * {@code shortcut(x) * mask} (NNrelief's residual rule closes the shortcut of a channel that carries less
 * than a {@code 1 - alpha} share of the channel's sum). It is a mask, not a parameter:
 * it has no weights, and a block without one adds the whole shortcut.
 */
public record ResidualBlock(String name, List<Layer> branch, Shortcut shortcut) implements UnaryLayer {
  public ResidualBlock {
    branch = List.copyOf(branch);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    TensorShape b = in;
    for (Layer l : branch) {
      b = l.outputShape(List.of(b));
    }
    TensorShape s = TensorShape.of(shortcut.outputShape(in.asFeatureShape()));
    if (!b.equals(s)) {
      throw new InvalidInputException(
          "residual block " + name + ": branch gives " + b + " but shortcut gives " + s);
    }
    return b;
  }

  /** The name of this block's optional shortcut mask in a model's {@link Masks}. */
  public String shortcutMaskName() {
    return name + ".shortcut_mask";
  }
}
