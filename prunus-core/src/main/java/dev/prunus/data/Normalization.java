package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-channel standardisation of pixels in [0, 1]: {@code (x - mean[c]) / std[c]}. The arrays are copied
 * in and out, so a value never changes.
 */
public record Normalization(float[] mean, float[] std) {

  /** Checks one finite mean and one positive, finite std per channel. */
  public Normalization {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(std, "std");
    if (mean.length == 0 || mean.length != std.length) {
      throw new InvalidInputException("normalisation needs one mean and one std per channel: got " + mean.length
          + " means and " + std.length + " stds");
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
        throw new InvalidInputException("std[" + c + "]=" + std[c] + " must be positive and finite, and mean[" + c
            + "]=" + mean[c] + " finite: pixels are in [0, 1], so e.g. mean 0.5 and std 0.25");
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /**
   * The per-channel mean and population standard deviation of {@code images}' pixels, accumulated in
   * double precision in image order (so the same images give the same values bit for bit).
   *
   * @throws InvalidInputException for an empty set, or a channel whose pixels are all equal (std 0)
   */
  public static Normalization measure(ImageSet images) {
    int channels = images.channels();
    int plane = images.height() * images.width();
    double[] sum = new double[channels];
    double[] sumSquares = new double[channels];
    float[] pixels = images.pixels();
    for (int start = 0; start < pixels.length; start += plane) {
      int c = (start / plane) % channels;
      double s = 0;
      double q = 0;
      for (int j = start; j < start + plane; j++) {
        s += pixels[j];
        q += (double) pixels[j] * pixels[j];
      }
      sum[c] += s;
      sumSquares[c] += q;
    }
    double n = (double) images.size() * plane;
    float[] mean = new float[channels];
    float[] std = new float[channels];
    for (int c = 0; c < channels; c++) {
      double m = sum[c] / n;
      mean[c] = (float) m;
      std[c] = (float) Math.sqrt(Math.max(0, sumSquares[c] / n - m * m));
      if (n == 0 || !(std[c] > 0)) {
        throw new InvalidInputException("cannot compute the normalisation from the training images: channel " + c
            + " of " + images.size() + " images has no spread (std 0): give {{mean}} and {{std}}");
      }
    }
    return new Normalization(mean, std);
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  public int channels() {
    return mean.length;
  }

  /** {@code images} standardised with these values. */
  public ImageSet apply(ImageSet images) {
    return images.normalized(mean, std);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Normalization that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "mean " + show(mean) + ", std " + show(std);
  }

  private static String show(float[] values) {
    StringBuilder b = new StringBuilder();
    for (float v : values) {
      b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", v));
    }
    return b.toString();
  }
}
