package dev.prunus.prune.relational;

import java.util.SplittableRandom;

/**
 * A Watts-Strogatz bipartite lattice between the output units of a layer and its input connections
 * (Small-World's connection level; Prunus's reading, since the paper's text
 * was not available).
 *
 * <p>Both sides sit on one circular coordinate: output {@code o} of {@code out} at
 * {@code x_o = (o + 1/2) * columns / out - 1/2} in column units, input column {@code c} at {@code c}.
 * Output {@code o} keeps its {@code K_o} allowed columns nearest to {@code x_o} on the circle (ties to
 * the right), which is a contiguous circular window when the allowed columns are one (the ring lattice's
 * local structure). Then each kept column is, with probability {@code p}, replaced by a uniformly drawn
 * allowed column the output does not keep yet (the rewiring; skipped when it keeps them all), so the
 * in-degree stays {@code K_o}. At {@code p = 1} every output's columns are a uniform random
 * {@code K_o}-subset of its allowed ones.
 *
 * <p>{@code K_o} are the layer's {@code connections} shared as evenly as possible: {@code floor(T/out)}
 * each, and one more for {@code T mod out} outputs spaced evenly along the layer.
 */
public final class ConnectionLattice {
  private ConnectionLattice() {}

  /** Which columns output {@code o} may keep. */
  @FunctionalInterface
  public interface Allowed {
    boolean test(int output, int column);

    Allowed ALL = (o, c) -> true;
  }

  /** The in-degree of output {@code o} when {@code connections} are shared over {@code out} outputs. */
  public static int inDegree(int o, int out, long connections) {
    long base = connections / out;
    long extra = connections % out;
    long before = (long) o * extra / out;
    long after = (long) (o + 1) * extra / out;
    return (int) (base + (after - before));
  }

  /**
   * The kept columns, {@code keep[o * columns + c]}.
   *
   * @throws IllegalArgumentException if some output is asked for more columns than it may keep
   */
  public static boolean[] build(int out, int columns, long connections, Allowed allowed, double p,
      SplittableRandom random) {
    boolean[] keep = new boolean[out * columns];
    int[] candidates = new int[columns];
    for (int o = 0; o < out; o++) {
      int k = inDegree(o, out, connections);
      int row = o * columns;
      int count = 0;
      for (int c = 0; c < columns; c++) {
        if (allowed.test(o, c)) {
          candidates[count++] = c;
        }
      }
      if (k > count) {
        throw new IllegalArgumentException("output " + o + " may keep " + count + " columns, asked for " + k);
      }
      double x = (o + 0.5) * columns / out - 0.5;
      int right = (int) Math.ceil(x - 1e-9);
      int left = right - 1;
      int taken = 0;
      int steps = 0;
      while (taken < k && steps < columns) {
        int r = Math.floorMod(right, columns);
        int l = Math.floorMod(left, columns);
        boolean takeRight = (right - x) <= (x - left);
        int c = takeRight ? r : l;
        if (takeRight) {
          right++;
        } else {
          left--;
        }
        steps++;
        if (allowed.test(o, c)) {
          keep[row + c] = true;
          taken++;
        }
      }
      if (p > 0 && k < count) {
        rewire(keep, row, k, candidates, count, p, random);
      }
    }
    return keep;
  }

  private static void rewire(boolean[] keep, int row, int k, int[] candidates, int count, double p,
      SplittableRandom random) {
    int[] kept = new int[k];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (keep[row + candidates[i]]) {
        kept[n++] = candidates[i];
      }
    }
    for (int c : kept) {
      if (random.nextDouble() < p) {
        int w;
        do {
          w = candidates[random.nextInt(count)];
        } while (keep[row + w]);
        keep[row + c] = false;
        keep[row + w] = true;
      }
    }
  }
}
