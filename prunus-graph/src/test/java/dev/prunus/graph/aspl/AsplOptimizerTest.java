package dev.prunus.graph.aspl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.aspl.AsplOptimizer.Result;
import dev.prunus.graph.aspl.AsplOptimizer.Settings;
import dev.prunus.graph.aspl.AsplOptimizer.Snapshot;
import dev.prunus.graph.aspl.AsplOptimizer.StopReason;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.metric.Aspl;
import dev.prunus.graph.metric.Clustering;
import dev.prunus.graph.metric.MooreBound;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsplOptimizerTest {
  private static final double MOORE_64_4 = 180 / 63.0;

  @Test
  void sixtyFourNodesOfDegreeFourComeWithinOnePointFivePercentOfTheMooreBound() {
    Result r = AsplOptimizer.fromRingLattice(64, 4, Settings.defaults(1).withMaxSteps(600_000));

    assertThat(r.mooreBound()).isEqualTo(MOORE_64_4);
    assertThat(r.mooreRatio()).isLessThanOrEqualTo(1.015);
    assertThat(r.finalAspl()).isLessThanOrEqualTo(2.9);
    assertThat(r.first().aspl()).isEqualTo(528 / 63.0);
  }

  @Test
  void theSameSeedGivesTheSameChainBitForBit() {
    Settings settings = Settings.defaults(7).withMaxSteps(150_000).withPatience(20_000);
    Result a = AsplOptimizer.fromRingLattice(64, 4, settings);
    Result b = AsplOptimizer.fromRingLattice(64, 4, settings);

    assertThat(a.chain()).hasSameSizeAs(b.chain());
    for (int i = 0; i < a.chain().size(); i++) {
      Snapshot x = a.chain().get(i);
      Snapshot y = b.chain().get(i);
      assertThat(y.step()).isEqualTo(x.step());
      assertThat(Double.doubleToLongBits(y.aspl())).isEqualTo(Double.doubleToLongBits(x.aspl()));
      assertThat(Double.doubleToLongBits(y.averageClustering()))
          .isEqualTo(Double.doubleToLongBits(x.averageClustering()));
      assertThat(y.graph()).isEqualTo(x.graph());
    }
    assertThat(b).isEqualTo(a);
    Result other = AsplOptimizer.fromRingLattice(64, 4, settings.withSeed(8));
    assertThat(other.finalGraph()).isNotEqualTo(a.finalGraph());
  }

  @Test
  void everySnapshotIsAConnectedRegularGraphWithFallingAsplAndHonestMetrics() {
    Result r = AsplOptimizer.fromRingLattice(64, 4, Settings.defaults(3).withMaxSteps(100_000));
    List<Snapshot> chain = r.chain();

    assertThat(chain.get(0).step()).isZero();
    assertThat(chain.get(0).graph()).isEqualTo(dev.prunus.graph.generate.RingLattice.of(64, 4));
    for (int i = 0; i < chain.size(); i++) {
      Snapshot s = chain.get(i);
      assertThat(s.graph().degrees()).containsOnly(4);
      assertThat(s.graph().selfLoopCount()).isZero();
      assertThat(Connectivity.isConnected(s.graph())).isTrue();
      assertThat(Aspl.of(s.graph())).isEqualTo(s.aspl());
      assertThat(Clustering.average(s.graph())).isEqualTo(s.averageClustering());
      assertThat(s.mooreRatio()).isEqualTo(s.aspl() / MOORE_64_4);
      if (i > 0) {
        Snapshot before = chain.get(i - 1);
        assertThat(s.aspl()).isLessThan(before.aspl());
        assertThat(s.step()).isGreaterThan(before.step());
        if (i < chain.size() - 1) {
          assertThat(before.aspl() - s.aspl()).isGreaterThanOrEqualTo(0.01 - 1e-12);
        }
      }
    }
    assertThat(r.finalGraph()).isEqualTo(r.last().graph());
    assertThat(r.finalAspl()).isEqualTo(r.last().aspl());
  }

  @Test
  void spacingZeroRecordsEveryImprovement() {
    Settings settings = Settings.defaults(5).withMaxSteps(20_000).withMaxClimbs(1);
    Result every = AsplOptimizer.fromRingLattice(32, 4, settings.withSnapshotSpacing(0));
    Result spaced = AsplOptimizer.fromRingLattice(32, 4, settings);

    assertThat(every.finalGraph()).isEqualTo(spaced.finalGraph());
    assertThat(every.chain().size()).isGreaterThan(spaced.chain().size());
    assertThat(every.chain().stream().map(Snapshot::graph))
        .containsAll(spaced.chain().stream().map(Snapshot::graph).toList());
  }

  @Test
  void aSingleClimbStopsWhenItRunsOutOfPatience() {
    Result r =
        AsplOptimizer.fromRingLattice(
            16, 4, Settings.defaults(2).withMaxClimbs(1).withPatience(2_000));
    assertThat(r.stopReason()).isEqualTo(StopReason.CLIMBS_EXHAUSTED);
    assertThat(r.climbs()).isEqualTo(1);
    assertThat(r.steps()).isLessThan(1_000_000);
  }

  @Test
  void severalClimbsShareTheStepBudgetAndTheBestOneIsReturned() {
    Settings settings = Settings.defaults(4).withMaxSteps(60_000).withPatience(5_000);
    Result r = AsplOptimizer.fromRingLattice(64, 4, settings);
    assertThat(r.climbs()).isGreaterThan(1);
    assertThat(r.steps()).isEqualTo(60_000);
    assertThat(r.stopReason()).isEqualTo(StopReason.STEP_BUDGET);
    Result firstOnly = AsplOptimizer.fromRingLattice(64, 4, settings.withMaxClimbs(1));
    assertThat(r.finalAspl()).isLessThanOrEqualTo(firstOnly.finalAspl());
  }

  @Test
  void aGraphAtTheMooreBoundStopsAtOnce() {
    Result r = AsplOptimizer.optimize(NamedGraphs.petersen(), Settings.defaults(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
    assertThat(r.steps()).isZero();
    assertThat(r.chain()).hasSize(1);
    assertThat(r.mooreRatio()).isEqualTo(1.0);
  }

  @Test
  void aTargetRatioStopsTheSearchEarly() {
    Result r =
        AsplOptimizer.fromRingLattice(64, 4, Settings.defaults(1).withTargetMooreRatio(1.05));
    assertThat(r.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
    assertThat(r.mooreRatio()).isLessThanOrEqualTo(1.05);
    assertThat(r.steps()).isLessThan(1_000_000);
  }

  @Test
  void aZeroBudgetReturnsTheStartGraph() {
    Result r = AsplOptimizer.fromRingLattice(20, 4, Settings.defaults(1).withMaxSteps(0));
    assertThat(r.chain()).hasSize(1);
    assertThat(r.stopReason()).isEqualTo(StopReason.STEP_BUDGET);
    assertThat(r.acceptedSwaps()).isZero();
  }

  @Test
  void irregularAndMultiWordGraphsKeepTheirDegrees() {
    UndirectedGraph karate = NamedGraphs.karateClub();
    Result k = AsplOptimizer.optimize(karate, Settings.defaults(1).withMaxSteps(20_000));
    assertThat(k.finalGraph().degrees()).containsExactly(karate.degrees());
    assertThat(k.mooreBound()).isEqualTo(MooreBound.aspl(34, 17));
    assertThat(k.finalAspl()).isLessThan(Aspl.of(karate));

    UndirectedGraph big = RandomRegular.connected(200, 6, 1);
    Result b = AsplOptimizer.optimize(big, Settings.defaults(1).withMaxSteps(3_000));
    assertThat(b.finalGraph().degrees()).containsOnly(6);
    assertThat(Aspl.of(b.finalGraph())).isEqualTo(b.finalAspl()).isLessThanOrEqualTo(Aspl.of(big));
  }

  @Test
  void badStartsAndSettingsAreRejectedWithTheFix() {
    assertThatThrownBy(() -> AsplOptimizer.fromRingLattice(64, 5, Settings.defaults(1)))
        .hasMessageContaining("degree k=5 must be even and below n=64");
    assertThatThrownBy(() -> AsplOptimizer.fromRingLattice(64, 0, Settings.defaults(1)))
        .hasMessageContaining("k=0 must be at least 2");
    assertThatThrownBy(
            () ->
                AsplOptimizer.optimize(
                    NamedGraphs.petersen().withSelfLoops(), Settings.defaults(1)))
        .hasMessageContaining("10 self-loops")
        .hasMessageContaining("withoutSelfLoops()");
    UndirectedGraph split =
        UndirectedGraph.fromPairs(6, new int[][] {{0, 1}, {1, 2}, {3, 4}, {4, 5}});
    assertThatThrownBy(() -> AsplOptimizer.optimize(split, Settings.defaults(1)))
        .hasMessageContaining("disconnected (2 components)");
    assertThatThrownBy(() -> AsplOptimizer.optimize(NamedGraphs.path(3), Settings.defaults(1)))
        .hasMessageContaining("at least 4 nodes");
    assertThatThrownBy(() -> Settings.defaults(1).withPatience(0))
        .hasMessageContaining("patience=0");
    assertThatThrownBy(() -> Settings.defaults(1).withMaxClimbs(0))
        .hasMessageContaining("maxClimbs=0");
    assertThatThrownBy(() -> Settings.defaults(1).withMaxSteps(-1))
        .hasMessageContaining("maxSteps=-1");
    assertThatThrownBy(() -> Settings.defaults(1).withSnapshotSpacing(-0.1))
        .hasMessageContaining("snapshotSpacing=-0.1");
    assertThatThrownBy(() -> Settings.defaults(1).withTargetMooreRatio(0.9))
        .hasMessageContaining("targetMooreRatio=0.9")
        .hasMessageContaining("no graph beats the Moore bound");
  }
}
