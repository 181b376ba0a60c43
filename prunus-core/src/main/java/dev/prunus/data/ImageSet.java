package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A set of labelled images held in memory.
 *
 * <p>Layout: {@code pixels} has shape [size, channels, height, width] (NCHW), row-major, so image
 * {@code i}, channel {@code c}, row {@code y}, column {@code x} is at {@code ((i * channels + c) *
 * height + y) * width + x}. As read from a dataset file the values are scaled to [0, 1];
 * {@link #normalized} gives a standardised copy. {@code labels[i]} is the class of image {@code i},
 * in [0, numClasses).
 *
 * <p>The arrays are shared, not copied, to keep 200 MB datasets cheap to pass around: treat them as
 * read-only and never mutate them. Operations that change values ({@link #subset}, {@link
 * #normalized}) return a new set with new arrays. {@code equals} compares contents bit for bit.
 */
public record ImageSet(
    int channels, int height, int width, float[] pixels, int[] labels, int numClasses) {

  /** Validates the shape and the labels. */
  public ImageSet {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new InvalidInputException(
          "image shape " + channels + "x" + height + "x" + width
              + " must have positive channels, height and width");
    }
    if (numClasses <= 0) {
      throw new InvalidInputException("numClasses=" + numClasses + " must be positive");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new InvalidInputException(
          "pixels.length=" + pixels.length + " must equal labels.length * channels * height * width"
              + " = " + labels.length + " * " + channels + " * " + height + " * " + width
              + " = " + expected + ": pass one label per image");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new InvalidInputException(
            "labels[" + i + "]=" + labels[i] + " must be in [0, " + numClasses + ")");
      }
    }
  }

  /** The number of images. */
  public int size() {
    return labels.length;
  }

  /** Values per image: channels * height * width. */
  public int imageSize() {
    return channels * height * width;
  }

  /** How many images each class has; index = class. */
  public int[] classCounts() {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /**
   * A new set holding copies of the images at {@code indices}, in that order (indices may repeat).
   *
   * @throws InvalidInputException for an index outside [0, size)
   */
  public ImageSet subset(int[] indices) {
    int stride = imageSize();
    float[] newPixels = new float[Math.multiplyExact(indices.length, stride)];
    int[] newLabels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= size()) {
        throw new InvalidInputException(
            "subset index " + i + " at position " + k + " must be in [0, " + size() + ")");
      }
      System.arraycopy(pixels, i * stride, newPixels, k * stride, stride);
      newLabels[k] = labels[i];
    }
    return new ImageSet(channels, height, width, newPixels, newLabels, numClasses);
  }

  /**
   * A new set with every value standardised per channel: {@code (x - mean[c]) / std[c]}. Labels
   * are shared with this set.
   *
   * @throws InvalidInputException unless both arrays have one positive-std entry per channel
   */
  public ImageSet normalized(float[] mean, float[] std) {
    if (mean.length != channels || std.length != channels) {
      throw new InvalidInputException(
          "normalisation needs one mean and one std per channel: got " + mean.length + " means and "
              + std.length + " stds for " + channels + " channels");
    }
    for (int c = 0; c < channels; c++) {
      if (!(std[c] > 0) || !Float.isFinite(std[c]) || !Float.isFinite(mean[c])) {
        throw new InvalidInputException(
            "std[" + c + "]=" + std[c] + " must be positive and finite (mean[" + c + "]=" + mean[c]
                + " finite)");
      }
    }
    int plane = height * width;
    float[] out = new float[pixels.length];
    for (int start = 0; start < pixels.length; start += plane) {
      int c = (start / plane) % channels;
      float m = mean[c];
      float s = std[c];
      for (int j = start; j < start + plane; j++) {
        out[j] = (pixels[j] - m) / s;
      }
    }
    return new ImageSet(channels, height, width, out, labels, numClasses);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageSet that
        && channels == that.channels
        && height == that.height
        && width == that.width
        && numClasses == that.numClasses
        && Arrays.equals(labels, that.labels)
        && Arrays.equals(pixels, that.pixels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        channels, height, width, numClasses, Arrays.hashCode(labels), Arrays.hashCode(pixels));
  }

  @Override
  public String toString() {
    return "ImageSet[" + size() + " x " + channels + "x" + height + "x" + width + ", "
        + numClasses + " classes]";
  }
}
