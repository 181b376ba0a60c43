package dev.prunus.model;

import java.util.List;

/**
 * One operation of an {@link Architecture}'s graph: {@code layer} applied to the tensors named
 * {@code inputs} (the network input is {@link Architecture#INPUT}), producing one tensor named
 * {@code name}. A layer with parameters has the node's name, so its parameters are {@code name.weight}
 * and so on.
 */
public record Node(String name, Layer layer, List<String> inputs) {
  public Node {
    inputs = List.copyOf(inputs);
    if (name == null || name.isEmpty() || name.equals(Architecture.INPUT)) {
      throw new IllegalArgumentException("a node needs a name other than '" + Architecture.INPUT + "': " + name);
    }
    if (layer instanceof NamedLayer p && !p.name().equals(name)) {
      throw new IllegalArgumentException("node " + name + " holds layer " + p.name() + ": they must share the name");
    }
  }

  public Node(String name, Layer layer, String input) {
    this(name, layer, List.of(input));
  }

  /** The single input of a one-input layer. */
  public String input() {
    if (inputs.size() != 1) {
      throw new IllegalStateException("node " + name + " has " + inputs.size() + " inputs");
    }
    return inputs.get(0);
  }
}
