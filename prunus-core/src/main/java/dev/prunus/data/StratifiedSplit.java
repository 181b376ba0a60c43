package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, class-stratified partition of example indices into a kept part and a held-out part.
 *
 * <p>Each class gives up its share of the held-out count, {@code heldOut * classCount / total},
 * rounded by the largest-remainder method so the shares add up exactly (ties go to the lower
 * class). Within each class, which examples are held out is decided by a Fisher-Yates shuffle
 * drawn from one {@link SplittableRandom} seeded with {@code seed}, classes taken in ascending
 * order. Both parts list their indices in ascending order, so the same labels, count and seed give
 * the same partition bit for bit.
 */
final class StratifiedSplit {

  /** The two parts of a split: disjoint, together every index once, each in ascending order. */
  record Parts(int[] kept, int[] heldOut) {}

  private StratifiedSplit() {}

  /**
   * Splits {@code labels.length} examples so that {@code heldOutCount} of them are held out.
   *
   * @throws InvalidInputException if {@code heldOutCount} is outside [0, labels.length]
   */
  static Parts split(int[] labels, int numClasses, int heldOutCount, long seed) {
    int total = labels.length;
    if (heldOutCount < 0 || heldOutCount > total) {
      throw new InvalidInputException(
          "held-out count " + heldOutCount + " must be in [0, " + total + "]");
    }
    int[][] byClass = indicesByClass(labels, numClasses);
    int[] quota = quotas(byClass, heldOutCount, total);
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] held = new boolean[total];
    for (int c = 0; c < numClasses; c++) {
      int[] members = byClass[c];
      dev.prunus.Shuffle.inPlace(members, rng);
      for (int k = 0; k < quota[c]; k++) {
        held[members[k]] = true;
      }
    }
    int[] kept = new int[total - heldOutCount];
    int[] heldOut = new int[heldOutCount];
    int nk = 0;
    int nh = 0;
    for (int i = 0; i < total; i++) {
      if (held[i]) {
        heldOut[nh++] = i;
      } else {
        kept[nk++] = i;
      }
    }
    return new Parts(kept, heldOut);
  }

  private static int[][] indicesByClass(int[] labels, int numClasses) {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] byClass = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    return byClass;
  }

  /** Largest-remainder apportionment of {@code heldOut} over the classes, in exact integers. */
  private static int[] quotas(int[][] byClass, int heldOut, int total) {
    int numClasses = byClass.length;
    int[] quota = new int[numClasses];
    long[] remainder = new long[numClasses];
    int assigned = 0;
    for (int c = 0; c < numClasses; c++) {
      long product = (long) heldOut * byClass[c].length;
      quota[c] = total == 0 ? 0 : (int) (product / total);
      remainder[c] = total == 0 ? 0 : product % total;
      assigned += quota[c];
    }
    Integer[] order = new Integer[numClasses];
    for (int c = 0; c < numClasses; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> remainder[a] != remainder[b]
        ? Long.compare(remainder[b], remainder[a])
        : Integer.compare(a, b));
    for (int k = 0; assigned < heldOut; k++) {
      quota[order[k]]++;
      assigned++;
    }
    return quota;
  }
}
