package dev.prunus.model;

/** Rectified linear unit, element-wise. */
public record ReluLayer() implements Layer {
  @Override
  public FeatureShape outputShape(FeatureShape in) {
    return in;
  }
}
