package dev.prunus.prune;

import java.util.Arrays;

/**
 * Selects the {@code k} largest scores among eligible entries, exactly and deterministically: ties at the
 * threshold are broken by lower index. Works on primitive arrays (a sort of the eligible scores), so
 * millions of weights take a second at most.
 */
public final class TopK {
  private TopK() {}

  /** {@code keep[i]} true for the k largest {@code scores[i]} with {@code eligible[i]} (all if fewer). */
  public static boolean[] largest(float[] scores, boolean[] eligible, long k) {
    boolean[] keep = new boolean[scores.length];
    int count = 0;
    for (int i = 0; i < scores.length; i++) {
      if (eligible == null || eligible[i]) {
        count++;
      }
    }
    if (k >= count) {
      for (int i = 0; i < scores.length; i++) {
        keep[i] = eligible == null || eligible[i];
      }
      return keep;
    }
    if (k <= 0) {
      return keep;
    }
    float[] sorted = new float[count];
    int j = 0;
    for (int i = 0; i < scores.length; i++) {
      if (eligible == null || eligible[i]) {
        sorted[j++] = scores[i];
      }
    }
    Arrays.sort(sorted);
    float threshold = sorted[count - (int) k];
    long above = 0;
    for (int i = 0; i < scores.length; i++) {
      if ((eligible == null || eligible[i]) && scores[i] > threshold) {
        keep[i] = true;
        above++;
      }
    }
    long ties = k - above;
    for (int i = 0; i < scores.length && ties > 0; i++) {
      if ((eligible == null || eligible[i]) && scores[i] == threshold) {
        keep[i] = true;
        ties--;
      }
    }
    return keep;
  }
}
