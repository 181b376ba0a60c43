package dev.prunus.model;

import dev.prunus.InvalidInputException;

/** Fully connected layer. Weight shape {@code [outFeatures, inFeatures]}, bias {@code [outFeatures]}. */
public record LinearLayer(String name, int inFeatures, int outFeatures, boolean bias)
    implements UnaryLayer, PrunableLayer, NamedLayer {

  public LinearLayer {
    if (inFeatures <= 0 || outFeatures <= 0) {
      throw new IllegalArgumentException("invalid linear " + name);
    }
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    if (in.size() != inFeatures || in.channels() != inFeatures) {
      throw new InvalidInputException(
          "layer " + name + " expects " + inFeatures + " flat features but receives " + in);
    }
    return TensorShape.of(outFeatures);
  }

  @Override
  public long[] weightShape() {
    return new long[] {outFeatures, inFeatures};
  }

  @Override
  public int outputUnits() {
    return outFeatures;
  }

  @Override
  public int inputUnits() {
    return inFeatures;
  }

  @Override
  public int weightsPerConnection() {
    return 1;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.LINEAR;
  }

  @Override
  public boolean hasBias() {
    return bias;
  }
}
