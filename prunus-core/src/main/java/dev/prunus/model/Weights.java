package dev.prunus.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All parameters of a network by name (trainable weights, biases, batch-norm scales and running
 * statistics), in the architecture's order. Immutable: {@link #with} returns a new value.
 */
public record Weights(Map<String, Tensor> tensors) {
  public Weights {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no parameter named " + name + "; have " + tensors.keySet());
    }
    return t;
  }

  public Weights with(String name, Tensor value) {
    Map<String, Tensor> m = new LinkedHashMap<>(tensors);
    m.put(name, value);
    return new Weights(m);
  }

  /** Checks that every parameter of {@code arch} is present with its shape. */
  public void requireShapes(Architecture arch) {
    for (Map.Entry<String, long[]> e : arch.parameterShapes().entrySet()) {
      Tensor t = tensors.get(e.getKey());
      if (t == null || !java.util.Arrays.equals(t.shape(), e.getValue())) {
        throw new IllegalArgumentException(
            "parameter " + e.getKey() + " must have shape " + java.util.Arrays.toString(e.getValue())
                + " but is " + (t == null ? "missing" : java.util.Arrays.toString(t.shape())));
      }
    }
  }
}
