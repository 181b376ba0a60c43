package dev.prunus.data;

/** Placeholder with the agreed signature; replaced by the data package. */
public final class Augmentation {
  private Augmentation() {}

  public static void randomCropFlip(float[] batch, int n, int c, int h, int w, int pad, java.util.SplittableRandom rng) {}
}
