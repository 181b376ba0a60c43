package dev.prunus.model;

import dev.prunus.InvalidInputException;

/** Max pooling with a square window, no padding, floor rounding. */
public record MaxPoolLayer(int kernel, int stride) implements Layer {
  @Override
  public FeatureShape outputShape(FeatureShape in) {
    int h = (in.height() - kernel) / stride + 1;
    int w = (in.width() - kernel) / stride + 1;
    if (h <= 0 || w <= 0) {
      throw new InvalidInputException("max pool " + kernel + "x" + kernel + " does not fit a " + in + " input");
    }
    return new FeatureShape(in.channels(), h, w);
  }
}
