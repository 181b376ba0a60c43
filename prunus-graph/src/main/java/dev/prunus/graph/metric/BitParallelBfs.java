package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;

/**
 * All-pairs breadth-first search, 64 sources at a time, on a graph given as compressed neighbour
 * lists; a reusable workspace, not thread-safe.
 *
 * <p>For a block of 64 sources every node {@code v} holds one word {@code R(v)}: bit {@code i} is
 * set once source {@code i} has reached {@code v}. One level of all 64 searches is {@code R'(v) =
 * R(v) | OR of R(u) over the neighbours u of v}; the bits new in {@code R'(v)} are the pairs at the
 * current distance. A level costs one pass over the edges, so the whole computation costs {@code
 * ceil(n/64) * diameter * 2m} word operations instead of {@code n * (n + m)} for {@code n} plain
 * searches. Nodes whose word is already full are skipped.
 *
 * <p>{@link #distanceSum} can stop early: once the distances found so far, plus the least the
 * unfound ones can add (every unreached pair of the current block at least one more than the
 * current level, every pair of a later block at least 1 for a neighbour and 2 otherwise), exceed a
 * limit, the exact sum is not needed. This is what makes rejecting a bad edge swap cheap.
 *
 * <p>The searches may start from a subset of the nodes ({@link #distanceSum(int[], int[], int[], int,
 * long)}): an ASPL search that knows which sources a swap can affect runs only theirs.
 *
 * <p>Graphs are given in compressed sparse row form: the neighbours of {@code v} are {@code
 * targets[offsets[v] .. offsets[v+1]-1]}, with no self-loops.
 */
public final class BitParallelBfs {
  /** {@link #distanceSum} result for a disconnected graph. */
  public static final long DISCONNECTED = -1L;

  /** {@link #distanceSum} result when the sum certainly exceeds the limit. */
  public static final long ABOVE_LIMIT = Long.MAX_VALUE;

  private final int n;
  private long[] reach;
  private long[] next;
  private final long[] pairsAtDistance;
  private long unreachablePairs;
  private int[] allNodes;

  /** A workspace for graphs on {@code n} nodes. */
  public BitParallelBfs(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("node count n=" + n + " must be at least 0");
    }
    this.n = n;
    this.reach = new long[n];
    this.next = new long[n];
    this.pairsAtDistance = new long[Math.max(n, 1)];
  }

  /** The graph's loop-free neighbour lists in compressed sparse row form: {offsets, targets}. */
  public static int[][] compressedRows(UndirectedGraph graph) {
    int n = graph.nodeCount();
    int[] offsets = new int[n + 1];
    int[] targets = new int[2 * graph.edgeCount()];
    for (int v = 0; v < n; v++) {
      int[] list = graph.neighbours(v);
      System.arraycopy(list, 0, targets, offsets[v], list.length);
      offsets[v + 1] = offsets[v] + list.length;
    }
    return new int[][] {offsets, targets};
  }

  /**
   * The sum of the distances over all ordered pairs of distinct nodes.
   *
   * @return the sum; {@link #DISCONNECTED} if some pair is unreachable; {@link #ABOVE_LIMIT} as
   *     soon as the sum is certain to exceed {@code limit}. After an exact result, {@link
   *     #pairsAtDistance()} holds the distance distribution.
   */
  public long distanceSum(int[] offsets, int[] targets, long limit) {
    return search(offsets, targets, allNodes(), n, limit, true, null);
  }

  /**
   * The sum of the distances from {@code sources[0 .. count-1]} (distinct nodes) to every other node:
   * the searches from a subset of the sources, 64 at a time, for a caller that knows the other
   * sources' distances have not changed.
   *
   * @return the sum, or {@link #DISCONNECTED} or {@link #ABOVE_LIMIT} as {@link #distanceSum(int[],
   *     int[], long)} says
   */
  public long distanceSum(int[] offsets, int[] targets, int[] sources, int count, long limit) {
    checkSources(sources, count);
    return search(offsets, targets, sources, count, limit, true, null);
  }

  /**
   * Writes the distance from each of {@code sources[0 .. count-1]} to every node into its row of an
   * {@code n x n} matrix: {@code distances[s * n + v]} for source {@code s}. The graph must be
   * connected.
   *
   * @return the sum of the distances written
   * @throws IllegalArgumentException if some node is unreachable from a source
   */
  public long writeDistances(
      int[] offsets, int[] targets, int[] sources, int count, short[] distances) {
    checkSources(sources, count);
    if (distances.length != n * n) {
      throw new IllegalArgumentException(
          "distances has " + distances.length + " entries; a graph on n=" + n + " needs n*n");
    }
    long sum = search(offsets, targets, sources, count, ABOVE_LIMIT, true, distances);
    if (sum == DISCONNECTED) {
      throw new IllegalArgumentException("the graph is disconnected: distances are not all finite");
    }
    return sum;
  }

  /** The complete distance distribution, also for disconnected graphs. */
  public DistanceHistogram histogram(int[] offsets, int[] targets) {
    search(offsets, targets, allNodes(), n, ABOVE_LIMIT, false, null);
    return new DistanceHistogram(n, pairsAtDistance(), unreachablePairs);
  }

  /**
   * Ordered pairs at each distance {@code d} (index {@code d}, index 0 unused) from the last
   * complete search; trailing zeros trimmed.
   */
  public long[] pairsAtDistance() {
    int last = pairsAtDistance.length - 1;
    while (last > 0 && pairsAtDistance[last] == 0) {
      last--;
    }
    return Arrays.copyOf(pairsAtDistance, last + 1);
  }

  private int[] allNodes() {
    if (allNodes == null) {
      allNodes = new int[n];
      for (int v = 0; v < n; v++) {
        allNodes[v] = v;
      }
    }
    return allNodes;
  }

  private void checkSources(int[] sources, int count) {
    if (count < 0 || count > Math.min(n, sources.length)) {
      throw new IllegalArgumentException(
          "count=" + count + " sources must be in [0, " + Math.min(n, sources.length) + "]");
    }
  }

  private long search(
      int[] offsets,
      int[] targets,
      int[] sources,
      int count,
      long limit,
      boolean stopIfDisconnected,
      short[] record) {
    if (offsets.length != n + 1) {
      throw new IllegalArgumentException(
          "offsets has "
              + offsets.length
              + " entries but a graph on n="
              + n
              + " nodes needs "
              + (n + 1));
    }
    Arrays.fill(pairsAtDistance, 0);
    unreachablePairs = 0;
    long laterBlocksLeast = 0;
    for (int j = 64; j < count; j++) {
      int s = sources[j];
      laterBlocksLeast += 2L * (n - 1) - (offsets[s + 1] - offsets[s]);
    }
    long sum = 0;
    for (int base = 0; base < count; base += 64) {
      int size = Math.min(64, count - base);
      long full = size == 64 ? -1L : (1L << size) - 1;
      Arrays.fill(reach, 0L);
      for (int i = 0; i < size; i++) {
        reach[sources[base + i]] |= 1L << i;
      }
      long unreached = (long) size * (n - 1);
      for (int d = 1; unreached > 0; d++) {
        long found = level(offsets, targets, full);
        if (found == 0) {
          if (stopIfDisconnected) {
            return DISCONNECTED;
          }
          unreachablePairs += unreached;
          break;
        }
        if (record != null) {
          record(sources, base, d, record);
        }
        pairsAtDistance[d] += found;
        sum += d * found;
        unreached -= found;
        if (unreached > 0 && sum + unreached * (d + 1) + laterBlocksLeast > limit) {
          return ABOVE_LIMIT;
        }
      }
      if (base + 64 < count) {
        for (int j = base + 64; j < Math.min(count, base + 128); j++) {
          int s = sources[j];
          laterBlocksLeast -= 2L * (n - 1) - (offsets[s + 1] - offsets[s]);
        }
      }
      if (sum + laterBlocksLeast > limit) {
        return ABOVE_LIMIT;
      }
    }
    return unreachablePairs > 0 ? DISCONNECTED : sum;
  }

  /** Writes distance {@code d} for the pairs the last level found: bits new in {@code reach}. */
  private void record(int[] sources, int base, int d, short[] distances) {
    for (int v = 0; v < n; v++) {
      long fresh = reach[v] & ~next[v];
      while (fresh != 0) {
        int i = Long.numberOfTrailingZeros(fresh);
        distances[sources[base + i] * n + v] = (short) d;
        fresh &= fresh - 1;
      }
    }
  }

  /** One level of the 64 searches; returns the number of newly reached pairs. */
  private long level(int[] offsets, int[] targets, long full) {
    long[] r = reach;
    long[] x = next;
    long found = 0;
    for (int v = 0; v < n; v++) {
      long mine = r[v];
      if (mine == full) {
        x[v] = mine;
        continue;
      }
      long grown = mine;
      for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
        grown |= r[targets[i]];
      }
      x[v] = grown;
      found += Long.bitCount(grown & ~mine);
    }
    reach = x;
    next = r;
    return found;
  }
}
