package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.metric.BitParallelBfs;
import dev.prunus.graph.metric.Clustering;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One hill climb of {@link AsplOptimizer} from the start graph: mutable, run once.
 *
 * <p>Each step proposes a swap as RGP's {@code PathOptimizer} does and keeps it iff the graph stays
 * connected and the ASPL does not rise. Snapshots are taken at the start and
 * whenever the ASPL has fallen by the spacing since the previous one.
 */
final class Climb {
  /** How a climb ended. */
  enum End {
    BUDGET,
    PATIENCE,
    TARGET
  }

  private final SwapWorkspace graph;
  private final SplittableRandom random;
  private final long pairs;
  private final double mooreBound;
  private final double targetMooreRatio;
  private final double snapshotSpacing;
  private final List<AsplOptimizer.Snapshot> chain = new ArrayList<>();
  private long distanceSum;
  private long snapshotSum;
  private long steps;
  private long accepted;

  Climb(UndirectedGraph start, double mooreBound, AsplOptimizer.Settings settings, long seed) {
    this.graph = new SwapWorkspace(start);
    this.random = new SplittableRandom(seed);
    int n = start.nodeCount();
    this.pairs = (long) n * (n - 1);
    this.mooreBound = mooreBound;
    this.targetMooreRatio = settings.targetMooreRatio();
    this.snapshotSpacing = settings.snapshotSpacing();
    this.distanceSum = graph.distanceSum(BitParallelBfs.ABOVE_LIMIT);
    record();
  }

  /** Climbs for at most {@code maxSteps} steps; see {@link End}. */
  End run(long maxSteps, long patience) {
    long sinceImprovement = 0;
    if (targetReached()) {
      return End.TARGET;
    }
    while (steps < maxSteps) {
      steps++;
      if (!step()) {
        if (++sinceImprovement >= patience) {
          finish();
          return End.PATIENCE;
        }
      } else {
        sinceImprovement = 0;
        if (targetReached()) {
          finish();
          return End.TARGET;
        }
      }
    }
    finish();
    return End.BUDGET;
  }

  List<AsplOptimizer.Snapshot> chain() {
    return chain;
  }

  long distanceSum() {
    return distanceSum;
  }

  long steps() {
    return steps;
  }

  long accepted() {
    return accepted;
  }

  /** One proposal; returns whether the ASPL fell. */
  private boolean step() {
    int n = graph.nodeCount();
    int a = random.nextInt(n);
    int b = graph.neighbour(a, random.nextInt(graph.degree(a)));
    int c = random.nextInt(n);
    int d = graph.neighbour(c, random.nextInt(graph.degree(c)));
    if (a == c || a == d || b == c || b == d || graph.hasEdge(a, d) || graph.hasEdge(c, b)) {
      return false;
    }
    graph.swap(a, b, c, d);
    long sum = graph.distanceSum(distanceSum);
    if (sum == BitParallelBfs.DISCONNECTED || sum > distanceSum) {
      graph.unswap(a, b, c, d);
      return false;
    }
    accepted++;
    boolean improved = sum < distanceSum;
    distanceSum = sum;
    if (improved && snapshotSum - distanceSum >= snapshotSpacing * pairs - 1e-9) {
      record();
    }
    return improved;
  }

  private boolean targetReached() {
    return distanceSum / (double) pairs / mooreBound <= targetMooreRatio + 1e-12;
  }

  /** Makes the final graph the last snapshot. */
  private void finish() {
    if (distanceSum < snapshotSum) {
      record();
    }
  }

  private void record() {
    UndirectedGraph snapshot = graph.toGraph();
    double aspl = distanceSum / (double) pairs;
    chain.add(
        new AsplOptimizer.Snapshot(
            steps, aspl, Clustering.average(snapshot), aspl / mooreBound, snapshot));
    snapshotSum = distanceSum;
  }
}
