package dev.prunus.graph.aspl;

import dev.prunus.graph.UndirectedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

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
    TARGET,
    TIME
  }

  /** The wall clock is read before every step whose number is a multiple of this. */
  private static final int CLOCK_EVERY = 16;

  private final SwapEvaluator evaluator;
  private final SwapWorkspace graph;
  private final TriangleCounts triangles;
  private final SwapHistory history;
  private final SplittableRandom random;
  private final long pairs;
  private final double mooreBound;
  private final double targetMooreRatio;
  private final double snapshotSpacing;
  private final List<AsplOptimizer.Snapshot> chain = new ArrayList<>();
  private long snapshotSum;
  private long steps;

  Climb(
      UndirectedGraph start,
      double mooreBound,
      AsplOptimizer.Settings settings,
      long seed,
      Function<UndirectedGraph, SwapEvaluator> evaluators) {
    this.evaluator = evaluators.apply(start);
    this.graph = evaluator.graph();
    this.triangles = new TriangleCounts(start);
    this.history = new SwapHistory(start);
    this.random = new SplittableRandom(seed);
    int n = start.nodeCount();
    this.pairs = (long) n * (n - 1);
    this.mooreBound = mooreBound;
    this.targetMooreRatio = settings.targetMooreRatio();
    this.snapshotSpacing = settings.snapshotSpacing();
    record();
  }

  /** Climbs for at most {@code maxSteps} steps or until the clock says stop; see {@link End}. */
  End run(long maxSteps, long patience, SearchClock clock) {
    long sinceImprovement = 0;
    if (targetReached()) {
      return End.TARGET;
    }
    while (steps < maxSteps) {
      if (steps % CLOCK_EVERY == 0 && clock.timeUp(this)) {
        finish();
        return End.TIME;
      }
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
    return evaluator.distanceSum();
  }

  double aspl() {
    return evaluator.distanceSum() / (double) pairs;
  }

  long steps() {
    return steps;
  }

  long accepted() {
    return history.size();
  }

  UndirectedGraph graph() {
    return graph.toGraph();
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
    long before = evaluator.distanceSum();
    if (!evaluator.swapIfAtMost(a, b, c, d, before)) {
      return false;
    }
    triangles.swapped(graph, a, b, c, d);
    history.append(a, b, c, d);
    long sum = evaluator.distanceSum();
    if (sum < before && snapshotSum - sum >= snapshotSpacing * pairs - 1e-9) {
      record();
    }
    return sum < before;
  }

  private boolean targetReached() {
    return aspl() / mooreBound <= targetMooreRatio + 1e-12;
  }

  /** Makes the final graph the last snapshot. */
  private void finish() {
    if (evaluator.distanceSum() < snapshotSum) {
      record();
    }
  }

  private void record() {
    double aspl = aspl();
    chain.add(
        new AsplOptimizer.Snapshot(
            steps, aspl, triangles.averageClustering(), aspl / mooreBound, history, history.size()));
    snapshotSum = evaluator.distanceSum();
  }
}
