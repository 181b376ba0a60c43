package dev.prunus;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles: the one way Prunus permutes indices, so the same seed gives the same order everywhere. */
public final class Shuffle {
  private Shuffle() {}

  /** Shuffles {@code values} in place, uniformly, drawing from {@code random}. */
  public static void inPlace(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** A uniformly random permutation of {@code 0 .. n-1}. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    inPlace(p, random);
    return p;
  }
}
