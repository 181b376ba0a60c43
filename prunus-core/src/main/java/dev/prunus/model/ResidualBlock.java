package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * A residual block: {@code branch(x) + shortcut(x)}. The activation after the addition is a separate
 * {@link ReluLayer} in the enclosing list. Channels of the branch output and of the shortcut output are
 * added together one to one.
 */
public record ResidualBlock(String name, List<Layer> branch, Shortcut shortcut) implements Layer {
  public ResidualBlock {
    branch = List.copyOf(branch);
  }

  @Override
  public FeatureShape outputShape(FeatureShape in) {
    FeatureShape b = in;
    for (Layer l : branch) {
      b = l.outputShape(b);
    }
    FeatureShape s = shortcut.outputShape(in);
    if (!b.equals(s)) {
      throw new InvalidInputException(
          "residual block " + name + ": branch gives " + b + " but shortcut gives " + s);
    }
    return b;
  }
}
