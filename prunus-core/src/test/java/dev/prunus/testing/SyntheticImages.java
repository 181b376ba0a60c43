package dev.prunus.testing;

import dev.prunus.data.ImageSet;
import java.util.SplittableRandom;

/**
 * Learnable synthetic images for tests: class {@code k} images carry a bright horizontal bar at a
 * class-specific row, plus noise. Seeded.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  public static ImageSet bars(int count, int classes, int channels, int side, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int size = channels * side * side;
    float[] px = new float[count * size];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int k = r.nextInt(classes);
      labels[i] = k;
      int row = (k * side) / classes;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            float v = (float) (r.nextDouble() * 0.3);
            if (y == row) {
              v += 1f;
            }
            px[i * size + (c * side + y) * side + x] = v;
          }
        }
      }
    }
    return new ImageSet(channels, side, side, px, labels, classes);
  }
}
