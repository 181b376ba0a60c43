package dev.prunus.model;

/**
 * The shape of one example flowing through a network: {@code [channels, height, width]} for feature
 * maps, or {@code [features, 1, 1]} once flattened.
 */
public record FeatureShape(int channels, int height, int width) {
  public FeatureShape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("shape must be positive, got " + channels + "x" + height + "x" + width);
    }
  }

  /** Number of values in one example. */
  public long size() {
    return (long) channels * height * width;
  }

  /** Parses "CxHxW", e.g. "1x28x28". */
  public static FeatureShape parse(String text) {
    String[] p = text.trim().split("x");
    if (p.length != 3) {
      throw new dev.prunus.InvalidInputException(
          "input shape '" + text + "' must be CxHxW, e.g. 1x28x28 or 3x32x32");
    }
    try {
      return new FeatureShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    } catch (IllegalArgumentException e) {
      throw new dev.prunus.InvalidInputException(
          "input shape '" + text + "' must be three positive integers CxHxW, e.g. 1x28x28");
    }
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
