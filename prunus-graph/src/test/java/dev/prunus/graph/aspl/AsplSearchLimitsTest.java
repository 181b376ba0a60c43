package dev.prunus.graph.aspl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.aspl.AsplOptimizer.Result;
import dev.prunus.graph.aspl.AsplOptimizer.Settings;
import dev.prunus.graph.aspl.AsplOptimizer.Status;
import dev.prunus.graph.aspl.AsplOptimizer.StopReason;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.generate.RingLattice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The wall-clock limit and the progress reports, on a fake clock so that every assertion is exact; and
 * the promise that the evaluator changes the speed, never the chain.
 */
class AsplSearchLimitsTest {

  /** A clock that advances by {@code tick} nanoseconds each time it is read. */
  private static LongSupplier ticking(long tick) {
    long[] now = {0};
    return () -> now[0] += tick;
  }

  private static Result search(UndirectedGraph g, Settings s, LongSupplier clock) {
    return AsplOptimizer.optimize(g, s, AsplOptimizer.Progress.NONE, clock, SwapEvaluator::forGraph);
  }

  @Test
  void aTimeLimitStopsTheSearchAndItsStepCountReplaysTheSameChainWithoutOne() {
    // the clock is read before every 16th step; each read moves it by 1 ms, so a 100 ms limit stops
    // the search after 100 reads (the first is the start), 99 * 16 = 1,584 steps
    Settings limited =
        Settings.defaults(3).withMaxSteps(10_000_000).withTimeLimit(Duration.ofMillis(100));
    Result r = search(RingLattice.of(300, 6), limited, ticking(1_000_000));

    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(r.steps()).isEqualTo(99 * 16);
    Result replay =
        AsplOptimizer.optimize(
            RingLattice.of(300, 6), limited.withoutTimeLimit().withMaxSteps(r.steps()));
    assertThat(replay.stopReason()).isEqualTo(StopReason.STEP_BUDGET);
    assertThat(replay.chain()).isEqualTo(r.chain());
    assertThat(replay.finalGraph()).isEqualTo(r.finalGraph());
    assertThat(replay.steps()).isEqualTo(r.steps());
    assertThat(replay.acceptedSwaps()).isEqualTo(r.acceptedSwaps());
  }

  @Test
  void theTimeLimitCoversEveryClimbAndIsCheckedBeforeTheFirstStep() {
    // patience 16 ends climbs quickly; the 40 ms limit (40 reads) falls in a later climb
    Settings s =
        Settings.defaults(5)
            .withMaxSteps(10_000_000)
            .withPatience(16)
            .withTimeLimit(Duration.ofMillis(40));
    Result r = search(RandomRegular.connected(40, 4, 2), s, ticking(1_000_000));
    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(r.climbs()).isGreaterThan(1);

    Result none =
        search(
            RingLattice.of(64, 4),
            Settings.defaults(1).withTimeLimit(Duration.ofNanos(1)),
            ticking(1_000_000));
    assertThat(none.steps()).isZero();
    assertThat(none.chain()).hasSize(1);
    assertThat(none.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
  }

  @Test
  void progressIsReportedAboutOnceASecondWithTheLowestAsplSoFar() {
    List<Status> reports = new ArrayList<>();
    // 0.25 s a read, before every 16th step: a report every 4 reads, the limit at the 40th read
    Settings s = Settings.defaults(2).withMaxSteps(10_000_000).withTimeLimit(Duration.ofSeconds(10));
    Result r =
        AsplOptimizer.optimize(
            RingLattice.of(64, 4), s, reports::add, ticking(250_000_000), SwapEvaluator::forGraph);

    assertThat(reports).hasSize(10);
    for (int i = 0; i < reports.size(); i++) {
      Status st = reports.get(i);
      assertThat(st.elapsed()).isEqualTo(Duration.ofMillis(1000L * (i + 1)));
      assertThat(st.steps()).isEqualTo(64L * (i + 1) - 16);
      assertThat(st.timeLimit()).hasValue(Duration.ofSeconds(10));
      assertThat(st.mooreRatio()).isEqualTo(st.aspl() / r.mooreBound());
      if (i > 0) {
        assertThat(st.aspl()).isLessThanOrEqualTo(reports.get(i - 1).aspl());
      }
    }
    assertThat(reports.get(9).aspl()).isEqualTo(r.finalAspl());
    assertThat(r.steps()).isEqualTo(39 * 16);
    assertThat(reports.get(0).describe())
        .isEqualTo(
            String.format(
                java.util.Locale.ROOT,
                "ASPL search: 1.0 s of 10 s, 48 proposals, climb 1, lowest ASPL %.4f (%.4f x the"
                    + " Moore bound)",
                reports.get(0).aspl(),
                reports.get(0).mooreRatio()));
  }

  @Test
  void everyEvaluatorGivesTheSameChainBitForBit() {
    Settings s = Settings.defaults(11).withMaxSteps(40_000).withPatience(4_000);
    UndirectedGraph[] starts = {
      RingLattice.of(64, 4), RingLattice.of(130, 6), RandomRegular.connected(90, 5, 4)
    };
    List<Function<UndirectedGraph, SwapEvaluator>> evaluators =
        List.of(
            RepeatedBfs::new,
            g -> withUpdate(g, DynamicDistances.Update.EACH_SOURCE),
            g -> withUpdate(g, DynamicDistances.Update.AFFECTED_SOURCES_BFS),
            g -> withUpdate(g, DynamicDistances.Update.CHEAPER));
    for (UndirectedGraph start : starts) {
      Result reference = null;
      for (Function<UndirectedGraph, SwapEvaluator> e : evaluators) {
        Result r = AsplOptimizer.optimize(start, s, AsplOptimizer.Progress.NONE, System::nanoTime, e);
        if (reference == null) {
          reference = r;
          assertThat(r.climbs()).as("restarts happen too").isGreaterThan(1);
        } else {
          assertThat(r).as("%s", start).isEqualTo(reference);
        }
      }
    }
  }

  @Test
  void everyPublicScoringWayGivesTheSameResultAndAutoPicksByNodesAndDegree() {
    Settings s = Settings.defaults(2).withMaxSteps(3_000).withMaxClimbs(1);
    Result full =
        AsplOptimizer.fromRingLattice(
            256, 8, s, AsplOptimizer.Progress.NONE, AsplOptimizer.Scoring.FULL_SEARCH);
    for (AsplOptimizer.Scoring way : AsplOptimizer.Scoring.values()) {
      assertThat(AsplOptimizer.fromRingLattice(256, 8, s, AsplOptimizer.Progress.NONE, way))
          .as("%s", way)
          .isEqualTo(full);
    }
    assertThat(SwapEvaluator.forGraph(RingLattice.of(256, 8))).isInstanceOf(DynamicDistances.class);
    assertThat(SwapEvaluator.forGraph(RingLattice.of(254, 8))).isInstanceOf(RepeatedBfs.class);
    assertThat(SwapEvaluator.forGraph(RingLattice.of(1024, 6))).isInstanceOf(RepeatedBfs.class);
    assertThat(DynamicDistances.fits(1024, 8L << 20)).as("2 MB of 8 MB").isTrue();
    assertThat(DynamicDistances.fits(1024, (8L << 20) - 4)).isFalse();
    assertThat(DynamicDistances.fits(Short.MAX_VALUE, Long.MAX_VALUE)).as("16-bit distances").isFalse();
  }

  private static SwapEvaluator withUpdate(UndirectedGraph g, DynamicDistances.Update way) {
    DynamicDistances d = new DynamicDistances(g);
    d.use(way);
    return d;
  }

  @Test
  void snapshotsReplayTheirClimbsSwapsAndTheLastIsTheFinalGraph() {
    Result r =
        AsplOptimizer.fromRingLattice(
            200, 6, Settings.defaults(9).withMaxSteps(30_000).withMaxClimbs(1));
    assertThat(r.chain().size()).isGreaterThan(10);
    AsplOptimizer.Snapshot last = r.last();
    assertThat(last.graph()).isEqualTo(r.finalGraph());
    assertThat(last.swapsFromStart()).isEqualTo(r.acceptedSwaps());
    assertThat(r.first().graph()).isEqualTo(RingLattice.of(200, 6));
    int previous = -1;
    for (AsplOptimizer.Snapshot s : r.chain()) {
      assertThat(s.swapsFromStart()).isGreaterThan(previous);
      previous = s.swapsFromStart();
    }
  }

  @Test
  void aTimeLimitMustBePositive() {
    assertThatThrownBy(() -> Settings.defaults(1).withTimeLimit(Duration.ZERO))
        .hasMessageContaining("timeLimit=PT0S must be positive");
    assertThatThrownBy(() -> Settings.defaults(1).withTimeLimit(Duration.ofSeconds(-1)))
        .hasMessageContaining("must be positive");
  }
}
