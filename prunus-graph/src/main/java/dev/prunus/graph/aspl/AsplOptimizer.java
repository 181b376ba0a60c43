package dev.prunus.graph.aspl;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.graph.metric.MooreBound;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * RGP's graph search: lower the average shortest path length (ASPL) of a regular graph by
 * degree-preserving double-edge swaps that keep it connected, recording a chain of snapshots (Chen,
 * Xiang, Lu, Xuan, Wang, Chen &amp; Yang, "RGP: Neural Network Pruning Through Regular Graph With
 * Edges Swapping", IEEE TNNLS 35(10), 2024).
 *
 * <p><b>Climb</b> (a plain hill climb in place of RGP's stepwise search). Start from
 * a connected loop-free graph, usually the k-regular {@link RingLattice}. Each step proposes one
 * swap the way RGP's {@code PathOptimizer} does: a uniformly random node {@code a} and a uniformly
 * random neighbour {@code b}, independently {@code c} and {@code d}; unless the four are distinct
 * and {@code a-d}, {@code c-b} are absent the step is spent; otherwise {@code a-b, c-d} become
 * {@code a-d, c-b}. The swap is kept iff the graph stays connected and the ASPL does
 * not rise: a swap that leaves the ASPL equal is kept too, so the climb can cross plateaus. Every
 * proposal counts as one step, valid or not. A climb ends after {@code patience} consecutive steps
 * without a strictly lower ASPL. (RGP's released code differs: within one call it keeps swaps whose
 * ASPL stays below the value at the start of the call, undoes falls larger than 0.02 and returns
 * after a fall of 0.01 to 0.02, so its chain stops near the random-regular ASPL. The plain hill climb
 * goes much lower.)
 *
 * <p><b>Climbs.</b> A climb that runs out of patience is stuck in a local minimum; while steps of
 * the budget remain, and up to {@code maxClimbs} climbs, a fresh climb starts again from the start
 * graph with its own random stream. The result is the climb that reached the lowest ASPL (the
 * earliest among equals), with its chain. With {@code maxClimbs = 1} this is a single
 * hill climb. Measured on 64 nodes of degree 4 (seeds 1 to 100): a single climb comes within 1.5%
 * of the Moore bound within 1,000,000 steps for 68 seeds; with the default settings (patience
 * 50,000, fresh climbs while steps remain) for all 100, after 112 ms (median) and at most 0.64 s on
 * two cores.
 *
 * <p><b>Chain.</b> The first snapshot is the start graph (step 0). Afterwards a snapshot is taken
 * whenever the ASPL has fallen by at least {@code snapshotSpacing} since the previous one (the
 * reference code's chain falls by about 0.01-0.02 per graph; spacing 0 records every improvement),
 * and the final graph is always the last snapshot. ASPL never rises along a climb, so the last
 * snapshot is the minimum-ASPL graph, RGP's recommendation. Each snapshot carries its ratio to the
 * {@link MooreBound} for the graph's node count and maximum degree.
 *
 * <p><b>Stopping.</b> After {@code maxSteps} steps in all, once no climb is left, once the ASPL
 * is within {@code targetMooreRatio} of the Moore bound (1.0, the default, stops only at the bound
 * itself, where nothing better exists), or once the optional wall-clock {@code timeLimit} has passed.
 *
 * <p><b>Determinism.</b> The seed fixes the sequence of proposals and which of them are kept; the
 * limits decide only where the search stops. Without a time limit the outcome depends only on the
 * start graph and the settings: the same seed gives the same chain, bit for bit. With one, a faster
 * or less loaded machine goes further along the same sequence; {@link Result#steps()} says how far,
 * and a search with {@code maxSteps} set to that number and no time limit gives the same chain again.
 * The clock is read between steps only (every 16th), and progress is reported through a {@link
 * Progress} about once a second.
 *
 * <p><b>Speed.</b> From 256 nodes and an average degree of 8, {@link DynamicDistances} keeps every
 * distance and recomputes only the sources a swap can affect (a few dozen of a thousand near the
 * Moore bound), row by row where distances change or by a bit-parallel search from those sources
 * only, whichever has been cheaper lately. Smaller or sparser graphs, and those whose matrix of
 * {@code 2 n^2} bytes would take more than a quarter of the heap, are scored by {@link RepeatedBfs}:
 * a bit-parallel all-pairs search, 64 sources per word, abandoned once the sum must exceed the
 * current one (in a sparse graph a swap changes the distances from most sources anyway).
 * Every evaluator decides every swap alike, so the choice changes the speed, never the chain. The
 * chain itself is held as the kept swaps (16 bytes each) rather than a graph per snapshot, and
 * {@link Snapshot#graph()} replays them; a snapshot's clustering comes from triangle counts kept up
 * to date across swaps.
 */
public final class AsplOptimizer {

  /** Why the search ended. */
  public enum StopReason {
    /** {@code maxSteps} steps were taken. */
    STEP_BUDGET,
    /** The last of {@code maxClimbs} climbs ran out of patience. */
    CLIMBS_EXHAUSTED,
    /** The ASPL came within {@code targetMooreRatio} of the Moore bound. */
    TARGET_REACHED,
    /** The wall-clock {@code timeLimit} passed. */
    TIME_LIMIT
  }

  /**
   * How proposals are scored. Every way decides every swap alike, so the choice changes the speed,
   * never the chain; {@link #AUTO} picks the faster for the graph, the others are for measuring.
   */
  public enum Scoring {
    /**
     * {@link #DYNAMIC} from 256 nodes and an average degree of 8 when its matrix takes at most a
     * quarter of the heap; otherwise {@link #FULL_SEARCH}.
     */
    AUTO,
    /** A bit-parallel all-pairs search for each proposal. */
    FULL_SEARCH,
    /** Every distance kept up to date across swaps: {@code 2 n^2} bytes of heap. */
    DYNAMIC
  }

  /**
   * Receives an ASPL search's progress about once a second (a progress line on a terminal, a log).
   * Called on the searching thread, between steps.
   */
  @FunctionalInterface
  public interface Progress {
    /** Ignores every report. */
    Progress NONE = status -> {};

    /** One report. */
    void report(Status status);
  }

  /**
   * Where a running search stands.
   *
   * @param steps proposals made so far, over all climbs
   * @param climb the climb running now, from 1
   * @param aspl the lowest ASPL reached so far
   * @param mooreRatio that ASPL over the Moore bound
   * @param elapsed wall-clock time since the search started
   * @param timeLimit the search's time limit, if it has one
   */
  public record Status(
      long steps,
      int climb,
      double aspl,
      double mooreRatio,
      Duration elapsed,
      Optional<Duration> timeLimit) {

    /**
     * One line for a person: "ASPL search: 12.0 s of 30 s, 1,234,567 proposals, climb 1, lowest ASPL
     * 2.7712 (1.0135 x the Moore bound)".
     */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "ASPL search: %.1f s%s, %,d proposals, climb %d, lowest ASPL %.4f (%.4f x the Moore bound)",
          elapsed.toMillis() / 1e3,
          timeLimit.map(t -> " of " + seconds(t) + " s").orElse(""),
          steps,
          climb,
          aspl,
          mooreRatio);
    }

    /** Whole seconds without decimals (30), others with one (1.5). */
    private static String seconds(Duration d) {
      double s = d.toMillis() / 1e3;
      return String.format(Locale.ROOT, s == Math.rint(s) ? "%.0f" : "%.1f", s);
    }
  }

  /**
   * Settings of a search.
   *
   * @param maxSteps proposals at most, over all climbs; at least 0
   * @param patience consecutive proposals without a lower ASPL that end a climb; at least 1
   * @param maxClimbs climbs at most; at least 1 (1 is a single hill climb)
   * @param snapshotSpacing least fall of the ASPL between recorded snapshots; at least 0
   * @param targetMooreRatio stop once ASPL / Moore bound is at most this; at least 1
   * @param seed seed of the proposals
   * @param timeLimit stop once this much wall-clock time has passed, if given; positive
   */
  public record Settings(
      long maxSteps,
      long patience,
      int maxClimbs,
      double snapshotSpacing,
      double targetMooreRatio,
      long seed,
      Optional<Duration> timeLimit) {

    /** Validates the settings. */
    public Settings {
      if (maxSteps < 0) {
        throw new IllegalArgumentException("maxSteps=" + maxSteps + " must be at least 0");
      }
      if (patience < 1) {
        throw new IllegalArgumentException(
            "patience=" + patience + " must be at least 1 step; use maxSteps to bound the search");
      }
      if (maxClimbs < 1) {
        throw new IllegalArgumentException(
            "maxClimbs=" + maxClimbs + " must be at least 1 (1 is a single hill climb)");
      }
      if (!(snapshotSpacing >= 0) || Double.isInfinite(snapshotSpacing)) {
        throw new IllegalArgumentException(
            "snapshotSpacing="
                + snapshotSpacing
                + " must be a finite ASPL difference >= 0;"
                + " 0 records every improvement");
      }
      if (!(targetMooreRatio >= 1) || Double.isInfinite(targetMooreRatio)) {
        throw new IllegalArgumentException(
            "targetMooreRatio="
                + targetMooreRatio
                + " must be a finite ratio >= 1: no graph"
                + " beats the Moore bound; 1 stops only at the bound itself");
      }
      Objects.requireNonNull(timeLimit, "timeLimit: give Optional.empty() for none");
      if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
        throw new IllegalArgumentException(
            "timeLimit="
                + timeLimit.get()
                + " must be positive; leave it empty for a search bounded by steps only");
      }
    }

    /**
     * One million steps, patience 50,000, up to 1,000 climbs, a snapshot every 0.01 of ASPL, no
     * target short of the Moore bound, no time limit.
     */
    public static Settings defaults(long seed) {
      return new Settings(1_000_000, 50_000, 1_000, 0.01, 1.0, seed, Optional.empty());
    }

    /** These settings with another step budget. */
    public Settings withMaxSteps(long steps) {
      return new Settings(
          steps, patience, maxClimbs, snapshotSpacing, targetMooreRatio, seed, timeLimit);
    }

    /** These settings with another patience. */
    public Settings withPatience(long steps) {
      return new Settings(
          maxSteps, steps, maxClimbs, snapshotSpacing, targetMooreRatio, seed, timeLimit);
    }

    /** These settings with another number of climbs at most. */
    public Settings withMaxClimbs(int climbs) {
      return new Settings(
          maxSteps, patience, climbs, snapshotSpacing, targetMooreRatio, seed, timeLimit);
    }

    /** These settings with another snapshot spacing. */
    public Settings withSnapshotSpacing(double spacing) {
      return new Settings(
          maxSteps, patience, maxClimbs, spacing, targetMooreRatio, seed, timeLimit);
    }

    /** These settings with another target ratio to the Moore bound. */
    public Settings withTargetMooreRatio(double ratio) {
      return new Settings(
          maxSteps, patience, maxClimbs, snapshotSpacing, ratio, seed, timeLimit);
    }

    /** These settings with another seed. */
    public Settings withSeed(long newSeed) {
      return new Settings(
          maxSteps, patience, maxClimbs, snapshotSpacing, targetMooreRatio, newSeed, timeLimit);
    }

    /** These settings with a wall-clock limit. */
    public Settings withTimeLimit(Duration limit) {
      return withTimeLimit(Optional.of(limit));
    }

    /** These settings with no wall-clock limit: the search is bounded by steps only. */
    public Settings withoutTimeLimit() {
      return withTimeLimit(Optional.empty());
    }

    private Settings withTimeLimit(Optional<Duration> limit) {
      return new Settings(
          maxSteps, patience, maxClimbs, snapshotSpacing, targetMooreRatio, seed, limit);
    }
  }

  /**
   * One graph of the chain. Held as a place in its climb's list of kept swaps; {@link #graph()}
   * replays them from the start graph. Equal snapshots have equal numbers and equal graphs.
   */
  public static final class Snapshot {
    private final long step;
    private final double aspl;
    private final double averageClustering;
    private final double mooreRatio;
    private final SwapHistory history;
    private final int swaps;

    Snapshot(
        long step,
        double aspl,
        double averageClustering,
        double mooreRatio,
        SwapHistory history,
        int swaps) {
      this.step = step;
      this.aspl = aspl;
      this.averageClustering = averageClustering;
      this.mooreRatio = mooreRatio;
      this.history = history;
      this.swaps = swaps;
    }

    /** The step of its climb after which it was recorded (0 for the start graph). */
    public long step() {
      return step;
    }

    /** Its average shortest path length. */
    public double aspl() {
      return aspl;
    }

    /** Its average clustering coefficient. */
    public double averageClustering() {
      return averageClustering;
    }

    /** Its ASPL over the Moore bound. */
    public double mooreRatio() {
      return mooreRatio;
    }

    /** Swaps kept from the start graph up to it. */
    public int swapsFromStart() {
      return swaps;
    }

    /** The graph itself, rebuilt from the start graph and the swaps kept before it. */
    public UndirectedGraph graph() {
      return history.graphAfter(swaps);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Snapshot s
          && s.step == step
          && Double.compare(s.aspl, aspl) == 0
          && Double.compare(s.averageClustering, averageClustering) == 0
          && Double.compare(s.mooreRatio, mooreRatio) == 0
          && s.graph().equals(graph());
    }

    @Override
    public int hashCode() {
      return Objects.hash(step, aspl, averageClustering, mooreRatio);
    }

    @Override
    public String toString() {
      return "Snapshot(step=" + step + ", aspl=" + aspl + ", averageClustering=" + averageClustering
          + ", mooreRatio=" + mooreRatio + ", swaps=" + swaps + ")";
    }
  }

  /**
   * The outcome of a search.
   *
   * @param chain the snapshots, ASPL strictly falling; first the start graph, last the final one
   * @param finalGraph the minimum-ASPL graph found (the last snapshot's)
   * @param finalAspl its ASPL
   * @param mooreBound the Moore bound for the graph's node count and maximum degree
   * @param steps proposals made, over all climbs (with {@code maxSteps} set to this and no time
   *     limit, the search gives the same result again)
   * @param acceptedSwaps swaps kept by the chosen climb
   * @param climbs climbs run
   * @param stopReason why the search ended
   */
  public record Result(
      List<Snapshot> chain,
      UndirectedGraph finalGraph,
      double finalAspl,
      double mooreBound,
      long steps,
      long acceptedSwaps,
      int climbs,
      StopReason stopReason) {

    /** Copies the chain. */
    public Result {
      chain = List.copyOf(chain);
    }

    /** The final ASPL over the Moore bound, at least 1. */
    public double mooreRatio() {
      return finalAspl / mooreBound;
    }

    /** The start graph's snapshot. */
    public Snapshot first() {
      return chain.get(0);
    }

    /** The minimum-ASPL snapshot, the last of the chain. */
    public Snapshot last() {
      return chain.get(chain.size() - 1);
    }
  }

  private AsplOptimizer() {}

  /**
   * Lowers the ASPL of the k-regular ring lattice on {@code n} nodes.
   *
   * @throws IllegalArgumentException unless {@code k} is even, {@code 2 <= k < n} and {@code n >=
   *     4}
   */
  public static Result fromRingLattice(int n, int k, Settings settings) {
    return fromRingLattice(n, k, settings, Progress.NONE);
  }

  /** {@link #fromRingLattice(int, int, Settings)}, reporting progress about once a second. */
  public static Result fromRingLattice(int n, int k, Settings settings, Progress progress) {
    return fromRingLattice(n, k, settings, progress, Scoring.AUTO);
  }

  /**
   * {@link #fromRingLattice(int, int, Settings, Progress)} with proposals scored the given way (the
   * same result, at another speed).
   */
  public static Result fromRingLattice(
      int n, int k, Settings settings, Progress progress, Scoring scoring) {
    if (k < 2) {
      throw new IllegalArgumentException(
          "degree k="
              + k
              + " must be at least 2: a ring lattice of degree "
              + k
              + " is not connected");
    }
    return optimize(RingLattice.of(n, k), settings, progress, scoring);
  }

  /**
   * Lowers the ASPL of {@code start} by connected, degree-preserving swaps.
   *
   * @throws IllegalArgumentException if {@code start} has fewer than 4 nodes or 2 edges, has
   *     self-loops, or is disconnected
   */
  public static Result optimize(UndirectedGraph start, Settings settings) {
    return optimize(start, settings, Progress.NONE);
  }

  /** {@link #optimize(UndirectedGraph, Settings)}, reporting progress about once a second. */
  public static Result optimize(UndirectedGraph start, Settings settings, Progress progress) {
    return optimize(start, settings, progress, Scoring.AUTO);
  }

  /**
   * {@link #optimize(UndirectedGraph, Settings, Progress)} with proposals scored the given way (the
   * same result, at another speed).
   *
   * @throws IllegalArgumentException also if {@link Scoring#DYNAMIC} is asked for a graph whose
   *     matrix would take more than a quarter of the heap
   */
  public static Result optimize(
      UndirectedGraph start, Settings settings, Progress progress, Scoring scoring) {
    Objects.requireNonNull(scoring, "scoring: give Scoring.AUTO for the faster way");
    return optimize(start, settings, progress, System::nanoTime, g -> SwapEvaluator.of(g, scoring));
  }

  /**
   * The search on the given clock (nanoseconds), so that tests can stop it by time exactly, scoring
   * swaps with the given evaluators, so that tests can compare them.
   */
  static Result optimize(
      UndirectedGraph start,
      Settings settings,
      Progress progress,
      LongSupplier nanoTime,
      Function<UndirectedGraph, SwapEvaluator> evaluators) {
    checkStart(start);
    Objects.requireNonNull(progress, "progress: give Progress.NONE for none");
    return search(start, settings, progress, nanoTime, evaluators);
  }

  private static void checkStart(UndirectedGraph start) {
    int n = start.nodeCount();
    if (n < 4 || start.edgeCount() < 2) {
      throw new IllegalArgumentException(
          "start graph has n="
              + n
              + " nodes and "
              + start.edgeCount()
              + " edges: a double-edge"
              + " swap needs at least 4 nodes and 2 edges");
    }
    if (start.selfLoopCount() > 0) {
      throw new IllegalArgumentException(
          "start graph has "
              + start.selfLoopCount()
              + " self-loops: RGP graphs have none; pass"
              + " graph.withoutSelfLoops()");
    }
    if (!Connectivity.isConnected(start)) {
      throw new IllegalArgumentException(
          "start graph is disconnected ("
              + Connectivity.componentCount(start)
              + " components):"
              + " the search keeps graphs connected, so it needs a connected start");
    }
  }

  private static Result search(
      UndirectedGraph start,
      Settings settings,
      Progress progress,
      LongSupplier nanoTime,
      Function<UndirectedGraph, SwapEvaluator> evaluators) {
    double mooreBound = MooreBound.aspl(start.nodeCount(), start.maxDegree());
    SearchClock clock = new SearchClock(nanoTime, settings.timeLimit(), progress, mooreBound);
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    Climb best = null;
    UndirectedGraph bestGraph = null;
    long steps = 0;
    int climbs = 0;
    StopReason reason = StopReason.CLIMBS_EXHAUSTED;
    while (climbs < settings.maxClimbs()) {
      Climb climb = new Climb(start, mooreBound, settings, seeds.nextLong(), evaluators);
      Climb.End end = climb.run(settings.maxSteps() - steps, settings.patience(), clock);
      clock.finished(climb);
      steps += climb.steps();
      climbs++;
      if (best == null || climb.distanceSum() < best.distanceSum()) {
        best = climb;
        bestGraph = climb.graph();
      }
      if (end == Climb.End.TARGET) {
        reason = StopReason.TARGET_REACHED;
        break;
      }
      if (end == Climb.End.TIME) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      if (end == Climb.End.BUDGET || steps >= settings.maxSteps()) {
        reason = StopReason.STEP_BUDGET;
        break;
      }
    }
    List<Snapshot> chain = best.chain();
    Snapshot last = chain.get(chain.size() - 1);
    return new Result(
        chain, bestGraph, last.aspl(), mooreBound, steps, best.accepted(), climbs, reason);
  }
}
