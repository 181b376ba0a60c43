package dev.prunus.model;

import dev.prunus.InvalidInputException;

/**
 * Batch normalisation over the channels of a feature map (or the features of a flat vector). Parameters
 * {@code gamma}, {@code beta} and running statistics, each of shape {@code [channels]}.
 */
public record BatchNormLayer(String name, int channels) implements Layer {
  /** PyTorch's defaults. */
  public static final float MOMENTUM = 0.1f;

  public static final float EPSILON = 1e-5f;

  @Override
  public FeatureShape outputShape(FeatureShape in) {
    if (in.channels() != channels) {
      throw new InvalidInputException(
          "batch norm " + name + " expects " + channels + " channels but receives " + in.channels());
    }
    return in;
  }

  public String gammaName() {
    return name + ".gamma";
  }

  public String betaName() {
    return name + ".beta";
  }

  public String runningMeanName() {
    return name + ".running_mean";
  }

  public String runningVarName() {
    return name + ".running_var";
  }
}
