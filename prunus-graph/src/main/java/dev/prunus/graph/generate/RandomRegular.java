package dev.prunus.graph.generate;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Uniform-ish random k-regular graphs by the pairing method of Steger &amp; Wormald ("Generating
 * random regular graphs quickly", Combinatorics, Probability and Computing 8, 1999), in networkx's
 * {@code random_regular_graph} form.
 *
 * <p>Each node gets {@code k} stubs. Repeatedly: shuffle the unpaired stubs and pair them off in
 * order; a pair that would make a self-loop or a repeated edge is put back. When the put-back stubs
 * can no longer make any new edge the attempt fails and starts over from scratch. All draws come
 * from one {@link SplittableRandom} seeded with {@code seed}.
 *
 * <p>RGP's {@code regular()} draws such graphs until one is connected; {@link #connected} does the
 * same.
 */
public final class RandomRegular {
  /** Attempts of {@link #connected} before it gives up. */
  public static final int MAX_CONNECTED_ATTEMPTS = 10_000;

  private RandomRegular() {}

  /**
   * A random {@code k}-regular graph on {@code n} nodes, possibly disconnected.
   *
   * @throws IllegalArgumentException unless {@code 0 <= k < n} and {@code n*k} is even
   */
  public static UndirectedGraph generate(int n, int k, long seed) {
    check(n, k);
    return generate(n, k, new SplittableRandom(seed));
  }

  /**
   * A connected random {@code k}-regular graph: graphs are drawn from one seeded stream until one
   * is connected.
   *
   * @throws IllegalArgumentException unless {@code 0 <= k < n}, {@code n*k} is even and a connected
   *     graph exists ({@code k >= 2}, or {@code n <= 2})
   * @throws IllegalStateException if {@value #MAX_CONNECTED_ATTEMPTS} draws are all disconnected
   */
  public static UndirectedGraph connected(int n, int k, long seed) {
    check(n, k);
    if (k < 2 && n > k + 1) {
      throw new IllegalArgumentException(
          "degree k="
              + k
              + " cannot connect n="
              + n
              + " nodes: a connected regular graph on more"
              + " than two nodes needs k >= 2");
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int attempt = 0; attempt < MAX_CONNECTED_ATTEMPTS; attempt++) {
      UndirectedGraph g = generate(n, k, random);
      if (Connectivity.isConnected(g)) {
        return g;
      }
    }
    throw new IllegalStateException(
        "no connected "
            + k
            + "-regular graph on "
            + n
            + " nodes in "
            + MAX_CONNECTED_ATTEMPTS
            + " draws (seed "
            + seed
            + "): use a larger degree or start from RingLattice.of("
            + n
            + ", "
            + k
            + ")");
  }

  private static void check(int n, int k) {
    if (n < 1) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 1");
    }
    if (k < 0 || k >= n) {
      throw new IllegalArgumentException(
          "degree k=" + k + " must be in [0, n) for n=" + n + " nodes");
    }
    if ((long) n * k % 2 != 0) {
      throw new IllegalArgumentException(
          "n*k = " + n + "*" + k + " must be even: every edge uses two of the n*k stubs");
    }
  }

  private static UndirectedGraph generate(int n, int k, SplittableRandom random) {
    while (true) {
      MutableGraph g = tryPairing(n, k, random);
      if (g != null) {
        return g.toGraph();
      }
    }
  }

  /** One pairing attempt; {@code null} when the leftover stubs cannot be paired. */
  private static MutableGraph tryPairing(int n, int k, SplittableRandom random) {
    MutableGraph g = MutableGraph.empty(n);
    int[] stubs = new int[n * k];
    for (int i = 0; i < stubs.length; i++) {
      stubs[i] = i % n;
    }
    int count = stubs.length;
    while (count > 0) {
      shuffle(stubs, count, random);
      int[] leftover = new int[count];
      int left = 0;
      for (int i = 0; i + 1 < count; i += 2) {
        int s1 = stubs[i];
        int s2 = stubs[i + 1];
        if (s1 != s2 && !g.hasEdge(s1, s2)) {
          g.addEdge(s1, s2);
        } else {
          leftover[left++] = s1;
          leftover[left++] = s2;
        }
      }
      if (!canPairAny(g, leftover, left)) {
        return null;
      }
      Arrays.sort(leftover, 0, left);
      stubs = leftover;
      count = left;
    }
    return g;
  }

  /** Whether two distinct leftover nodes are still unlinked (true when nothing is left over). */
  private static boolean canPairAny(MutableGraph g, int[] leftover, int count) {
    if (count == 0) {
      return true;
    }
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < count; j++) {
        if (leftover[i] != leftover[j] && !g.hasEdge(leftover[i], leftover[j])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Shuffles the first {@code count} stubs in place, with the draws of {@code dev.prunus.Shuffle.inPlace}
   * (Fisher-Yates from the last entry down), which prunus-graph, below prunus-core, cannot call.
   */
  private static void shuffle(int[] a, int count, SplittableRandom random) {
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
