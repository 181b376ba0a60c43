package dev.prunus.model;

import dev.prunus.InvalidInputException;

/** Fully connected layer. Weight shape {@code [outFeatures, inFeatures]}, bias {@code [outFeatures]}. */
public record LinearLayer(String name, int inFeatures, int outFeatures, boolean bias)
    implements Layer, PrunableLayer {

  public LinearLayer {
    if (inFeatures <= 0 || outFeatures <= 0) {
      throw new IllegalArgumentException("invalid linear " + name);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape in) {
    if (in.size() != inFeatures || in.height() != 1 || in.width() != 1) {
      throw new InvalidInputException(
          "layer " + name + " expects " + inFeatures + " flat features but receives " + in);
    }
    return new FeatureShape(outFeatures, 1, 1);
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
