package dev.prunus;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded Fisher-Yates shuffles: the one way Prunus (prunus-core and the modules above it) permutes or samples
 * indices, so the same seed gives the same order everywhere. Two forms, which draw differently and are both
 * kept because seeded results (batch orders, splits, SNIP's and NNrelief's data samples, random-neuron's
 * choices) depend on each bit for bit:
 *
 * <ul>
 *   <li>a whole shuffle ({@link #inPlace}, {@link #permutation}) runs from the last entry down: step
 *       {@code i = n-1 .. 1} swaps entry {@code i} with entry {@code random.nextInt(i + 1)};
 *   <li>a sample ({@link #draw}, {@link #sample}) runs from the first entry up and stops after {@code k}
 *       steps: step {@code i = 0 .. k-1} swaps entry {@code i} with entry {@code i + random.nextInt(n - i)},
 *       so the first {@code k} entries are the sample, in the order drawn, and a larger {@code k} extends
 *       the sample of a smaller one.
 * </ul>
 *
 * prunus-graph, below prunus-core, cannot use this class: its random regular graphs shuffle their stubs
 * with their own copy of the first form.
 */
public final class Shuffle {
  private Shuffle() {}

  /** Shuffles {@code values} in place, uniformly, drawing from {@code random}. */
  public static void inPlace(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      swap(values, i, random.nextInt(i + 1));
    }
  }

  /** A uniformly random permutation of {@code 0 .. n-1}. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] p = identity(n);
    inPlace(p, random);
    return p;
  }

  /**
   * {@code k} distinct entries of {@code values} drawn uniformly, in the order drawn (a partial shuffle of
   * {@code values}, which is left holding them first).
   *
   * @throws IllegalArgumentException unless {@code 0 <= k <= values.length}
   */
  public static int[] draw(int[] values, int k, SplittableRandom random) {
    int n = values.length;
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot draw " + k + " of " + n + " values");
    }
    for (int i = 0; i < k; i++) {
      swap(values, i, i + random.nextInt(n - i));
    }
    return Arrays.copyOf(values, k);
  }

  /** {@code k} distinct indices of {@code 0 .. n-1} drawn uniformly, in the order drawn ({@link #draw}). */
  public static int[] sample(int n, int k, SplittableRandom random) {
    return draw(identity(n), k, random);
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
