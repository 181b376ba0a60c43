package dev.prunus.graph.aspl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.ErdosRenyi;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.generate.RingLattice;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * After every swap, kept or refused, the dynamic distance matrix equals a fresh breadth-first search
 * from every node, and its sums are the exact distance sums; whichever way each swap is brought up to
 * date (row by row, by bit-parallel searches from the affected sources, or the cheaper of the two),
 * chosen at random swap by swap.
 */
class DynamicDistancesProperties {

  @Property(tries = 120)
  void everyDistanceEqualsAFreshSearchAfterEverySwapOfARandomRegularGraph(
      @ForAll @IntRange(min = 3, max = 70) int halfN,
      @ForAll @IntRange(min = 1, max = 5) int halfDegree,
      @ForAll long seed) {
    int n = 2 * halfN;
    int k = Math.max(2, Math.min(2 * halfDegree, 2 * (n / 4))); // room for swaps that apply
    UndirectedGraph start = seed % 3 == 0 ? RingLattice.of(n, k) : RandomRegular.connected(n, k, seed);
    assertThat(checkSwaps(start, seed, 150)).as("swaps kept").isPositive();
  }

  @Property(tries = 60)
  void everyDistanceEqualsAFreshSearchOnIrregularSparseGraphs(
      @ForAll @IntRange(min = 5, max = 90) int n,
      @ForAll long seed) {
    UndirectedGraph g = ErdosRenyi.gnm(n, Math.min(2L * n, (long) n * (n - 1) / 2), seed);
    if (!Connectivity.isConnected(g)) {
      g = connectedCore(n, seed);
    }
    checkSwaps(g, seed, 150);
  }

  /** A ring plus a few chords: connected, sparse, with bridges to cut once chords move. */
  private static UndirectedGraph connectedCore(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    MutableGraph g = MutableGraph.empty(n);
    for (int i = 0; i + 1 < n; i++) {
      g.addEdge(i, i + 1);
    }
    for (int j = 0; j < n / 3; j++) {
      int u = random.nextInt(n);
      int v = random.nextInt(n);
      if (u != v && !g.hasEdge(u, v)) {
        g.addEdge(u, v);
      }
    }
    return g.toGraph();
  }

  /**
   * Proposes swaps as the climb does; each is tried with a limit that is either unbounded (any
   * connected swap is kept), the current sum (the climb's rule), or a little below it (early
   * refusals), and the whole matrix is compared with the oracle after every one.
   *
   * @return how many swaps were kept
   */
  private static int checkSwaps(UndirectedGraph start, long seed, int proposals) {
    DynamicDistances dynamic = new DynamicDistances(start);
    SwapWorkspace g = dynamic.graph();
    int n = g.nodeCount();
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    int[][] expected = allPairs(g);
    assertMatches(dynamic, expected);
    int kept = 0;
    for (int p = 0; p < proposals; p++) {
      int a = random.nextInt(n);
      int c = random.nextInt(n);
      if (g.degree(a) == 0 || g.degree(c) == 0) {
        continue;
      }
      int b = g.neighbour(a, random.nextInt(g.degree(a)));
      int d = g.neighbour(c, random.nextInt(g.degree(c)));
      if (a == c || a == d || b == c || b == d || g.hasEdge(a, d) || g.hasEdge(c, b)) {
        continue;
      }
      long before = dynamic.distanceSum();
      dynamic.use(DynamicDistances.Update.values()[random.nextInt(3)]);
      int rule = random.nextInt(3);
      long limit = rule == 0 ? Long.MAX_VALUE : rule == 1 ? before : before - 1 - random.nextInt(4);
      boolean swapped = dynamic.swapIfAtMost(a, b, c, d, limit);
      int[][] now = allPairs(g);
      if (swapped) {
        kept++;
        assertThat(sum(now)).isLessThanOrEqualTo(limit);
        assertThat(g.hasEdge(a, d) && g.hasEdge(c, b) && !g.hasEdge(a, b) && !g.hasEdge(c, d)).isTrue();
      } else {
        assertThat(now).as("a refused swap leaves the graph as it was").isDeepEqualTo(expected);
        g.swap(a, b, c, d);
        int[][] would = allPairs(g);
        g.unswap(a, b, c, d);
        assertThat(would == null || sum(would) > limit)
            .as("refused only if disconnected or above the limit")
            .isTrue();
      }
      expected = now;
      assertMatches(dynamic, expected);
    }
    return kept;
  }

  private static void assertMatches(DynamicDistances dynamic, int[][] expected) {
    int n = expected.length;
    int[][] actual = new int[n][n];
    for (int s = 0; s < n; s++) {
      for (int x = 0; x < n; x++) {
        actual[s][x] = dynamic.distance(s, x);
      }
    }
    assertThat(actual).isDeepEqualTo(expected);
    assertThat(dynamic.distanceSum()).isEqualTo(sum(expected));
    for (int s = 0; s < n; s++) {
      assertThat(dynamic.rowSum(s)).isEqualTo(Arrays.stream(expected[s]).asLongStream().sum());
    }
  }

  private static long sum(int[][] dist) {
    long total = 0;
    for (int[] row : dist) {
      for (int v : row) {
        total += v;
      }
    }
    return total;
  }

  /** Textbook breadth-first search from every node; null if the graph is disconnected. */
  private static int[][] allPairs(SwapWorkspace g) {
    int n = g.nodeCount();
    int[][] dist = new int[n][n];
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      Arrays.fill(dist[s], -1);
      dist[s][s] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        int u = queue[head++];
        for (int i = 0; i < g.degree(u); i++) {
          int v = g.neighbour(u, i);
          if (dist[s][v] < 0) {
            dist[s][v] = dist[s][u] + 1;
            queue[tail++] = v;
          }
        }
      }
      if (tail < n) {
        return null;
      }
    }
    return dist;
  }
}
