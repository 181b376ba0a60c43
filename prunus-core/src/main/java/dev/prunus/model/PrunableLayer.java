package dev.prunus.model;

/**
 * A layer whose weights a pruning method may mask: a convolution or a fully connected layer, for every
 * method. Its weight tensor has {@code outputUnits} rows; each row holds {@code inputUnits} connections of
 * {@code weightsPerConnection} weights (a kernel for a convolution, one weight for a linear layer).
 */
public sealed interface PrunableLayer permits ConvLayer, LinearLayer {
  String name();

  LayerKind kind();

  long[] weightShape();

  int outputUnits();

  int inputUnits();

  int weightsPerConnection();

  boolean hasBias();

  default String weightName() {
    return name() + ".weight";
  }

  default String biasName() {
    return name() + ".bias";
  }

  /** Weights plus biases. */
  default long parameterCount() {
    return (long) outputUnits() * inputUnits() * weightsPerConnection() + (hasBias() ? outputUnits() : 0);
  }
}
