package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import java.util.Arrays;

/** Textbook breadth-first search from every node: the slow, obvious oracle for BitParallelBfs. */
final class PlainBfs {
  private PlainBfs() {}

  /** Ordered pairs at each distance (index = distance, up to n), and unreachable pairs last. */
  static long[] pairsAtDistanceThenUnreachable(UndirectedGraph g) {
    int n = g.nodeCount();
    long[] counts = new long[n + 1];
    int[] dist = new int[n];
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      Arrays.fill(dist, -1);
      dist[s] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        int u = queue[head++];
        for (int v : g.neighbours(u)) {
          if (dist[v] < 0) {
            dist[v] = dist[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      for (int t = 0; t < n; t++) {
        if (t != s) {
          if (dist[t] < 0) {
            counts[n]++;
          } else {
            counts[dist[t]]++;
          }
        }
      }
    }
    return counts;
  }
}
