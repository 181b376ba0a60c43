package dev.prunus.model;

/** Averages each channel over its whole map: {@code [C, H, W] -> [C, 1, 1]}. */
public record GlobalAvgPoolLayer() implements Layer {
  @Override
  public FeatureShape outputShape(FeatureShape in) {
    return new FeatureShape(in.channels(), 1, 1);
  }
}
