package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.data.Augmentation;
import dev.prunus.data.ImageSet;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Cuts an image set into mini-batches. The order of epoch {@code e} is a Fisher-Yates shuffle seeded by
 * {@code (seed, e)} alone, so a resumed run sees exactly the batches the uninterrupted one would.
 * The last, smaller batch is kept.
 */
final class Batches {
  private final ImageSet data;
  private final int batchSize;
  private final float[] buffer;
  private final long[] labelBuffer;

  Batches(ImageSet data, int batchSize) {
    this.data = data;
    this.batchSize = Math.min(batchSize, Math.max(1, data.size()));
    this.buffer = new float[this.batchSize * data.imageSize()];
    this.labelBuffer = new long[this.batchSize];
  }

  int count() {
    return (data.size() + batchSize - 1) / batchSize;
  }

  /** The indices 0 .. n-1 in order (evaluation, comparisons). */
  static int[] inOrder(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  static int[] order(int size, long seed, int epoch) {
    int[] idx = inOrder(size);
    dev.prunus.Shuffle.inPlace(idx, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
    return idx;
  }

  /** Batch {@code b} of {@code order} as [images, labels] on {@code manager}; augments when {@code rng} is given. */
  NDArray[] batch(NDManager manager, int[] order, int b, SplittableRandom augment) {
    int from = b * batchSize;
    int n = Math.min(batchSize, order.length - from);
    int size = data.imageSize();
    float[] pixels = data.pixels();
    for (int i = 0; i < n; i++) {
      int src = order[from + i];
      System.arraycopy(pixels, src * size, buffer, i * size, size);
      labelBuffer[i] = data.labels()[src];
    }
    if (augment != null) {
      Augmentation.randomCropFlip(buffer, n, data.channels(), data.height(), data.width(), 4, augment);
    }
    NDArray x = manager.create(FloatBuffer.wrap(buffer, 0, n * size),
        new Shape(n, data.channels(), data.height(), data.width()));
    NDArray y = manager.create(java.util.Arrays.copyOf(labelBuffer, n));
    return new NDArray[] {x, y};
  }
}
