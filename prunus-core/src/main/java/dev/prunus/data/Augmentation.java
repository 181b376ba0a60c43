package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The standard CIFAR training augmentation: a random crop from the zero-padded image, then a random
 * horizontal flip, applied in place to a batch buffer.
 *
 * <p>The batch is NCHW, row-major ({@code n} images of {@code c x h x w}). For each image, in
 * batch order, three values are drawn from {@code rng}: the vertical offset {@code dy} and the
 * horizontal offset {@code dx}, each uniform in [0, 2 * pad], then one {@code nextDouble()} that
 * flips the image when below the flip probability. The output pixel (y, x) is the input pixel
 * (y + dy - pad, x' + dx - pad) with {@code x' = flip ? w - 1 - x : x}, or the channel's fill
 * value where that falls outside the image. This equals torchvision's {@code RandomCrop(h,
 * padding=pad)} followed by {@code RandomHorizontalFlip(p)}. The fill is 0 in whatever space the
 * batch is in (after normalisation, 0 is the channel mean) unless a per-channel fill is given.
 * Everything is deterministic given the state of {@code rng}.
 */
public final class Augmentation {

  /** The usual flip probability. */
  public static final double FLIP_PROBABILITY = 0.5;

  private Augmentation() {}

  /** Random crop with padding {@code pad} (fill 0) and flip with probability 0.5. */
  public static void randomCropFlip(
      float[] batch, int n, int c, int h, int w, int pad, SplittableRandom rng) {
    randomCropFlip(batch, n, c, h, w, pad, FLIP_PROBABILITY, null, rng);
  }

  /**
   * Random crop with padding {@code pad} and flip with probability {@code flipProbability}.
   *
   * @param fill the per-channel value of the padding, or null for 0 in every channel
   * @throws InvalidInputException for a buffer too small for the shape, a negative pad, a
   *     probability outside [0, 1] or a fill without one value per channel
   */
  public static void randomCropFlip(
      float[] batch,
      int n,
      int c,
      int h,
      int w,
      int pad,
      double flipProbability,
      float[] fill,
      SplittableRandom rng) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(rng, "rng");
    if (n < 0 || c <= 0 || h <= 0 || w <= 0) {
      throw new InvalidInputException(
          "batch shape " + n + "x" + c + "x" + h + "x" + w + " must be non-negative with positive"
              + " channels, height and width");
    }
    int imageSize = c * h * w;
    if ((long) n * imageSize > batch.length) {
      throw new InvalidInputException(
          "batch buffer holds " + batch.length + " values but " + n + "x" + c + "x" + h + "x" + w
              + " needs " + (long) n * imageSize);
    }
    if (pad < 0) {
      throw new InvalidInputException("pad=" + pad + " must be >= 0");
    }
    if (!(flipProbability >= 0.0 && flipProbability <= 1.0)) {
      throw new InvalidInputException(
          "flipProbability=" + flipProbability + " must be in [0, 1]");
    }
    if (fill != null && fill.length != c) {
      throw new InvalidInputException(
          "fill has " + fill.length + " values; it needs one per channel (" + c + ")");
    }
    float[] source = new float[imageSize];
    for (int i = 0; i < n; i++) {
      int dy = rng.nextInt(2 * pad + 1);
      int dx = rng.nextInt(2 * pad + 1);
      boolean flip = rng.nextDouble() < flipProbability;
      int offset = i * imageSize;
      System.arraycopy(batch, offset, source, 0, imageSize);
      for (int ch = 0; ch < c; ch++) {
        float padValue = fill == null ? 0f : fill[ch];
        int plane = ch * h * w;
        for (int y = 0; y < h; y++) {
          int sy = y + dy - pad;
          int row = offset + plane + y * w;
          for (int x = 0; x < w; x++) {
            int sx = (flip ? w - 1 - x : x) + dx - pad;
            batch[row + x] =
                sy >= 0 && sy < h && sx >= 0 && sx < w ? source[plane + sy * w + sx] : padValue;
          }
        }
      }
    }
  }
}
