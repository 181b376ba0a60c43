package dev.prunus.model;

import dev.prunus.InvalidInputException;

/**
 * Batch normalisation over the channels of a feature map (or the features of a flat vector):
 * {@code (x - mean) / sqrt(var + epsilon) * gamma + beta}. Parameters {@code gamma}, {@code beta} and running
 * statistics, each of shape {@code [channels]}.
 */
public record BatchNormLayer(String name, int channels, float epsilon) implements UnaryLayer, NamedLayer {
  /** PyTorch's defaults. */
  public static final float MOMENTUM = 0.1f;

  public static final float EPSILON = 1e-5f;

  /** Batch norm with PyTorch's default epsilon; model files written before epsilon was stored read so too. */
  public BatchNormLayer {
    if (epsilon == 0f) {
      epsilon = EPSILON;
    }
    if (!(epsilon > 0) || channels <= 0) {
      throw new IllegalArgumentException("invalid batch norm " + name + ": " + channels + " channels, epsilon " + epsilon);
    }
  }

  public BatchNormLayer(String name, int channels) {
    this(name, channels, EPSILON);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
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
