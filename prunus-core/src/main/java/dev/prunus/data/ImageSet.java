package dev.prunus.data;

/** Placeholder with the agreed signature; replaced by the data package. */
public record ImageSet(int channels, int height, int width, float[] pixels, int[] labels, int numClasses) {
  public int size() {
    return labels.length;
  }

  public int imageSize() {
    return channels * height * width;
  }
}
