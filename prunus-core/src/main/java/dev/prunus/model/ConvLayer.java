package dev.prunus.model;

import dev.prunus.InvalidInputException;

/**
 * 2-D convolution. Weight shape {@code [outChannels, inChannels, kernel, kernel]}, bias {@code [outChannels]}
 * when {@code bias} is true. Square kernels, equal stride and padding on both axes.
 */
public record ConvLayer(
    String name, int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias)
    implements Layer, PrunableLayer {

  public ConvLayer {
    if (inChannels <= 0 || outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
      throw new IllegalArgumentException("invalid conv " + name);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape in) {
    if (in.channels() != inChannels) {
      throw new InvalidInputException(
          "layer " + name + " expects " + inChannels + " input channels but receives " + in.channels());
    }
    int h = (in.height() + 2 * padding - kernel) / stride + 1;
    int w = (in.width() + 2 * padding - kernel) / stride + 1;
    if (h <= 0 || w <= 0) {
      throw new InvalidInputException(
          "layer " + name + " (kernel " + kernel + ") does not fit its " + in + " input: use a larger input");
    }
    return new FeatureShape(outChannels, h, w);
  }

  @Override
  public long[] weightShape() {
    return new long[] {outChannels, inChannels, kernel, kernel};
  }

  @Override
  public int outputUnits() {
    return outChannels;
  }

  @Override
  public int inputUnits() {
    return inChannels;
  }

  @Override
  public int weightsPerConnection() {
    return kernel * kernel;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CONV;
  }

  @Override
  public boolean hasBias() {
    return bias;
  }
}
