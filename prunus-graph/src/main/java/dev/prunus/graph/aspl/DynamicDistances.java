package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.BitParallelBfs;
import java.util.Arrays;

/**
 * Every distance of a connected graph, kept exact under double-edge swaps: a dynamic all-pairs
 * shortest-path structure for unit lengths. A swap's new distance sum is found by recomputing only
 * the sources whose distances it can change.
 *
 * <p><b>Which sources.</b> Swapping {@code a-b, c-d} for {@code a-d, c-b} changes the distances from
 * a source {@code s} only if (1) a removed edge {@code u-v} was the last link from {@code v} to the
 * level before it ({@code d(s,v) = d(s,u) + 1}, and neither another neighbour of {@code v} nor its new
 * one lies at {@code d(s,u)}), or (2) an added edge joins nodes whose distances from {@code s} differ
 * by 2 or more. Otherwise every shortest path from {@code s} survives or is replaced by one as short,
 * and no new edge shortens one. One pass over the sources tests this on the old distances (rows
 * {@code a, b, c, d} and those of the removed edges' other neighbours, read in order, by symmetry);
 * near the Moore bound it leaves a few dozen of a thousand sources. Sources chosen by (1) alone only
 * get farther, at least 1 each (every edge of the new graph joins nodes whose old distances differ by
 * at most one, so old distances stay a lower bound): the swap is refused as soon as the sum so far
 * plus 1 for each of them left exceeds the limit.
 *
 * <p><b>Two ways to update the chosen sources</b>, picked by {@link CheaperMethod} from their
 * measured cost (they give the same numbers, so the choice changes only the speed):
 *
 * <ul>
 *   <li>{@link Update#EACH_SOURCE}, row by row: first the removals, the nodes that lose their last
 *       link to the level before them found level by level (the textbook decremental breadth-first
 *       search) and given new distances by a unit-length Dijkstra from their intact neighbours; then
 *       the additions, a breadth-first wave of shorter distances from each node a new edge brings
 *       closer. Work follows the distances that change; it wins while paths are long (a ring
 *       lattice, where one shortcut changes a quarter of all distances). A refused swap's rows are
 *       restored from a log.
 *   <li>{@link Update#AFFECTED_SOURCES_BFS}: the bit-parallel breadth-first search of {@link
 *       BitParallelBfs}, 64 sources per word, from the chosen sources only, abandoned once their new
 *       sum must exceed the limit less the others' unchanged row sums; a kept swap's rows are then
 *       written by a second, recording search. It wins once paths are short.
 * </ul>
 *
 * <p>Distances are held as 16-bit values, {@code d[s * n + x]}, symmetric: {@code n^2} entries of 2
 * bytes ({@link #fits}), with each row's sum. Each source's update reads and writes only its own row,
 * and the source pass reads only rows of the old matrix before any row is written, so the matrix is
 * symmetric again after the last source. Not thread-safe.
 */
final class DynamicDistances implements SwapEvaluator {
  /** Distance of a node cut off from the source by the removals, until an addition reaches it. */
  private static final int UNREACHED = Short.MAX_VALUE;

  /** How a swap's distances are brought up to date. */
  enum Update {
    /** Row by row, only where distances change; best while paths are long. */
    EACH_SOURCE,
    /** Bit-parallel searches from the affected sources; best once paths are short. */
    AFFECTED_SOURCES_BFS,
    /** Whichever has been faster lately ({@link CheaperMethod}). */
    CHEAPER
  }

  /** {@link CheaperMethod}'s numbers for the two ways. */
  private static final int BY_SOURCE = 0;

  private static final int BY_SEARCH = 1;

  private final SwapWorkspace graph;
  private final int n;
  private final short[] d;
  private final long[] rowSum;
  private long sum;
  private final BitParallelBfs bfs;
  private final CheaperMethod methods = new CheaperMethod();
  private Update update = Update.CHEAPER;

  // the swap being scored: removed a-b, c-d; added a-d, c-b
  private int sa;
  private int sb;
  private int sc;
  private int sd;

  // sources to update: those an added edge may bring closer first, then those that can only grow
  private final int[] closer;
  private final int[] farther;

  // per-source scratch; a mark equal to the current stamp is set, any other value is not
  private final int[] queued;
  private final int[] orphan;
  private final int[] settled;
  private int stamp;
  private final int[] queue;
  private final int[] orphans;
  private final long[] keys;
  private long[] wave;
  private int unreached;
  private long delta;

  // the undo log: matrix index and old value of every write
  private int[] logAt = new int[1024];
  private short[] logWas = new short[1024];
  private int logSize;

  DynamicDistances(UndirectedGraph start) {
    this.n = start.nodeCount();
    if (n >= UNREACHED) {
      throw new IllegalArgumentException(
          "n=" + n + " nodes: distances are held in 16 bits, so at most " + (UNREACHED - 1) + " nodes");
    }
    this.graph = new SwapWorkspace(start);
    this.d = new short[n * n];
    this.rowSum = new long[n];
    this.bfs = new BitParallelBfs(n);
    this.closer = new int[n]; // with room for the farther ones after them
    this.farther = new int[n];
    this.queued = new int[n];
    this.orphan = new int[n];
    this.settled = new int[n];
    this.queue = new int[n];
    this.orphans = new int[n];
    this.keys = new long[n];
    this.wave = new long[Math.max(16, graph.targets().length + n)];
    this.sum = fill();
  }

  /** Whether the matrix for {@code n} nodes takes at most a quarter of {@code heapBytes}. */
  static boolean fits(int n, long heapBytes) {
    return n < UNREACHED && 2L * n * n <= heapBytes / 4;
  }

  @Override
  public SwapWorkspace graph() {
    return graph;
  }

  @Override
  public long distanceSum() {
    return sum;
  }

  /** From now on, brings distances up to date this way (tests compare the ways). */
  void use(Update way) {
    this.update = way;
  }

  /** The sum of the distances from {@code s}. */
  long rowSum(int s) {
    return rowSum[s];
  }

  /** The distance from {@code s} to {@code x} in the current graph. */
  int distance(int s, int x) {
    return d[s * n + x];
  }

  @Override
  public boolean swapIfAtMost(int a, int b, int c, int dd, long limit) {
    sa = a;
    sb = b;
    sc = c;
    sd = dd;
    int closerCount = 0;
    int fartherCount = 0;
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    int ra = a * n;
    int rb = b * n;
    int rc = c * n;
    int rd = dd * n;
    for (int s = 0; s < n; s++) {
      int da = d[ra + s];
      int db = d[rb + s];
      int dc = d[rc + s];
      int ddd = d[rd + s];
      if (Math.abs(da - ddd) >= 2 || Math.abs(dc - db) >= 2) {
        closer[closerCount++] = s;
      } else if (db == da + 1 && lastLink(offsets, targets, b, a, c, da, s)
          || da == db + 1 && lastLink(offsets, targets, a, b, dd, db, s)
          || ddd == dc + 1 && lastLink(offsets, targets, dd, c, a, dc, s)
          || dc == ddd + 1 && lastLink(offsets, targets, c, dd, b, ddd, s)) {
        farther[fartherCount++] = s;
      }
    }
    if (closerCount == 0 && sum + fartherCount > limit) {
      return false;
    }
    graph.swap(a, b, c, dd);
    int method =
        update == Update.CHEAPER
            ? methods.next()
            : update == Update.EACH_SOURCE ? BY_SOURCE : BY_SEARCH;
    long t0 = System.nanoTime();
    boolean kept =
        method == BY_SOURCE
            ? updateEachSource(closerCount, fartherCount, limit)
            : searchAffectedSources(closerCount, fartherCount, limit);
    if (update == Update.CHEAPER) {
      methods.took(System.nanoTime() - t0);
    }
    if (!kept) {
      graph.unswap(a, b, c, dd);
    }
    return kept;
  }

  /**
   * The swap's new distances by updating each affected row where it changes; on refusal the rows are
   * restored from the log.
   */
  private boolean updateEachSource(int closerCount, int fartherCount, long limit) {
    logSize = 0;
    delta = 0;
    boolean kept = true;
    for (int i = 0; i < closerCount && kept; i++) {
      kept = update(closer[i]);
    }
    // every source left adds at least 1
    for (int i = 0; i < fartherCount && kept; i++) {
      kept = sum + delta + fartherCount - i <= limit && update(farther[i]);
    }
    kept &= sum + delta <= limit;
    if (!kept) {
      for (int i = logSize - 1; i >= 0; i--) {
        int at = logAt[i];
        rowSum[at / n] -= d[at] - logWas[i];
        d[at] = logWas[i];
      }
      return false;
    }
    sum += delta;
    return true;
  }

  /**
   * The swap's new distance sum by bit-parallel searches from the affected sources only, 64 at a time,
   * abandoned once the sum must exceed the limit; a kept swap's rows are then written by a second,
   * recording search.
   */
  private boolean searchAffectedSources(int closerCount, int fartherCount, long limit) {
    int count = closerCount + fartherCount;
    System.arraycopy(farther, 0, closer, closerCount, fartherCount);
    long before = 0;
    for (int i = 0; i < count; i++) {
      before += rowSum[closer[i]];
    }
    long rest = sum - before;
    long after = bfs.distanceSum(graph.offsets(), graph.targets(), closer, count, limit - rest);
    if (after == BitParallelBfs.DISCONNECTED || after > limit - rest) {
      return false;
    }
    bfs.writeDistances(graph.offsets(), graph.targets(), closer, count, d);
    for (int i = 0; i < count; i++) {
      int r = closer[i] * n;
      long row = 0;
      for (int x = 0; x < n; x++) {
        row += d[r + x];
      }
      rowSum[closer[i]] = row;
    }
    sum = rest + after;
    return true;
  }

  /**
   * Whether removing {@code u-v} leaves {@code v} with no link to level {@code level} of source
   * {@code s}: no other old neighbour, nor its new neighbour {@code added}, lies there (old distances;
   * rows by symmetry). Then {@code v} gets farther from {@code s} unless an added edge joins nodes two
   * or more levels apart, so a source chosen by this alone adds at least 1 to the sum.
   */
  private boolean lastLink(int[] offsets, int[] targets, int v, int u, int added, int level, int s) {
    if (d[added * n + s] == level) {
      return false;
    }
    for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
      int y = targets[i];
      if (y != u && d[y * n + s] == level) {
        return false;
      }
    }
    return true;
  }

  /** Brings row {@code s} up to date with the swap; false if a node is no longer reachable. */
  private boolean update(int s) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(queued, 0);
      Arrays.fill(orphan, 0);
      Arrays.fill(settled, 0);
      stamp = 1;
    }
    unreached = 0;
    int r = s * n;
    int orphanCount = removals(r);
    if (orphanCount > 0) {
      repair(r, orphanCount);
    }
    additions(r);
    return unreached == 0;
  }

  /** The node whose edge to {@code x} was added by the swap, or -1. */
  private int addedPartner(int x) {
    return x == sa ? sd : x == sd ? sa : x == sc ? sb : x == sb ? sc : -1;
  }

  /**
   * Finds, level by level, the nodes whose distance from the source grows when the removed edges go:
   * those left with no link to an unaffected node one level closer. Added edges are ignored here.
   *
   * @return how many; they are in {@code orphans}
   */
  private int removals(int r) {
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    int seed1 = -1;
    int seed2 = -1;
    int level1 = 0;
    int level2 = 0;
    int da = d[r + sa];
    int db = d[r + sb];
    int dc = d[r + sc];
    int ddd = d[r + sd];
    if (db == da + 1) {
      seed1 = sb;
      level1 = db;
    } else if (da == db + 1) {
      seed1 = sa;
      level1 = da;
    }
    if (ddd == dc + 1) {
      seed2 = sd;
      level2 = ddd;
    } else if (dc == ddd + 1) {
      seed2 = sc;
      level2 = dc;
    }
    if (seed1 < 0 && seed2 < 0) {
      return 0;
    }
    if (seed1 < 0 || seed2 >= 0 && level2 < level1) {
      int t = seed1;
      seed1 = seed2;
      seed2 = t;
      t = level1;
      level1 = level2;
      level2 = t;
    }
    int head = 0;
    int tail = 0;
    int count = 0;
    int level = level1;
    queued[seed1] = stamp;
    queue[tail++] = seed1;
    boolean pending = seed2 >= 0;
    while (true) {
      if (pending && level2 == level) {
        pending = false;
        if (queued[seed2] != stamp) {
          queued[seed2] = stamp;
          queue[tail++] = seed2;
        }
      }
      if (head == tail) {
        if (!pending) {
          return count;
        }
        level = level2;
        continue;
      }
      int end = tail;
      while (head < end) {
        int x = queue[head++];
        int skip = addedPartner(x);
        boolean linked = false;
        for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
          int y = targets[i];
          if (y != skip && d[r + y] == level - 1 && orphan[y] != stamp) {
            linked = true;
            break;
          }
        }
        if (linked) {
          continue;
        }
        orphan[x] = stamp;
        orphans[count++] = x;
        for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
          int y = targets[i];
          if (y != skip && d[r + y] == level + 1 && queued[y] != stamp) {
            queued[y] = stamp;
            queue[tail++] = y;
          }
        }
      }
      level++;
    }
  }

  /**
   * New distances for the orphans (without the added edges): a unit-length Dijkstra seeded by each
   * orphan's best unaffected neighbour, as a sorted list merged with a first-in-first-out queue.
   */
  private void repair(int r, int count) {
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    for (int j = 0; j < count; j++) {
      int x = orphans[j];
      int skip = addedPartner(x);
      int best = UNREACHED;
      for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
        int y = targets[i];
        if (y != skip && orphan[y] != stamp) {
          best = Math.min(best, d[r + y] + 1);
        }
      }
      keys[j] = (long) best << 32 | x;
    }
    Arrays.sort(keys, 0, count);
    int next = 0;
    int head = 0;
    int tail = 0;
    while (next < count || head < tail) {
      long key = head == tail || next < count && keys[next] < wave[head] ? keys[next++] : wave[head++];
      int t = (int) (key >>> 32);
      if (t >= UNREACHED) {
        break;
      }
      int x = (int) key;
      if (settled[x] == stamp) {
        continue;
      }
      settled[x] = stamp;
      set(r + x, t);
      int skip = addedPartner(x);
      for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
        int y = targets[i];
        if (y != skip && orphan[y] == stamp && settled[y] != stamp) {
          push(tail++, (long) (t + 1) << 32 | y);
        }
      }
    }
    for (int j = 0; j < count; j++) {
      int x = orphans[j];
      if (settled[x] != stamp) {
        set(r + x, UNREACHED);
      }
    }
  }

  /** Shorter distances through the added edges, spread breadth first. */
  private void additions(int r) {
    long first = seedCloser(r, sa, sd);
    long second = seedCloser(r, sc, sb);
    if (first < 0 && second < 0) {
      return;
    }
    if (first < 0 || second >= 0 && second < first) {
      long t = first;
      first = second;
      second = t;
    }
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    int head = 0;
    int tail = 0;
    int seeds = second >= 0 ? 2 : 1;
    int next = 0;
    while (next < seeds || head < tail) {
      long key;
      if (head == tail || next < seeds && (next == 0 ? first : second) < wave[head]) {
        key = next++ == 0 ? first : second;
        int x = (int) key;
        int t = (int) (key >>> 32);
        if (t >= d[r + x]) {
          continue;
        }
        set(r + x, t);
      } else {
        key = wave[head++];
        if ((int) (key >>> 32) != d[r + (int) key]) {
          continue;
        }
      }
      int x = (int) key;
      int t1 = (int) (key >>> 32) + 1;
      for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
        int y = targets[i];
        if (d[r + y] > t1) {
          set(r + y, t1);
          push(tail++, (long) t1 << 32 | y);
        }
      }
    }
  }

  /** The node that added edge {@code u-v} brings closer, with its new distance as a key; or -1. */
  private long seedCloser(int r, int u, int v) {
    int du = d[r + u];
    int dv = d[r + v];
    if (du + 1 < dv) {
      return (long) (du + 1) << 32 | v;
    }
    if (dv + 1 < du) {
      return (long) (dv + 1) << 32 | u;
    }
    return -1;
  }

  private void push(int at, long key) {
    if (at == wave.length) {
      wave = Arrays.copyOf(wave, 2 * wave.length);
    }
    wave[at] = key;
  }

  /** Writes one distance, logging the old value. */
  private void set(int at, int value) {
    int old = d[at];
    if (logSize == logAt.length) {
      logAt = Arrays.copyOf(logAt, 2 * logSize);
      logWas = Arrays.copyOf(logWas, 2 * logSize);
    }
    logAt[logSize] = at;
    logWas[logSize++] = (short) old;
    if (old == UNREACHED) {
      unreached--;
    }
    if (value == UNREACHED) {
      unreached++;
    }
    delta += value - old;
    rowSum[at / n] += value - old;
    d[at] = (short) value;
  }

  /** Breadth-first search from every node; returns the distance sum. */
  private long fill() {
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    long total = 0;
    Arrays.fill(d, (short) UNREACHED);
    for (int s = 0; s < n; s++) {
      int r = s * n;
      int head = 0;
      int tail = 0;
      d[r + s] = 0;
      queue[tail++] = s;
      while (head < tail) {
        int x = queue[head++];
        int next = d[r + x] + 1;
        for (int i = offsets[x], stop = offsets[x + 1]; i < stop; i++) {
          int y = targets[i];
          if (d[r + y] == UNREACHED) {
            d[r + y] = (short) next;
            total += next;
            queue[tail++] = y;
          }
        }
      }
      if (tail < n) {
        throw new IllegalArgumentException(
            "start graph is disconnected: node " + s + " reaches " + tail + " of " + n + " nodes");
      }
      long row = 0;
      for (int x = 0; x < n; x++) {
        row += d[r + x];
      }
      rowSum[s] = row;
    }
    return total;
  }
}
