package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.LatticeReference;
import dev.prunus.graph.generate.RandomReference;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.generate.RingLattice;
import org.junit.jupiter.api.Test;

/**
 * Sigma, omega and their references. They are random, so networkx's values cannot be matched draw
 * for draw; instead means over many seeds are compared with networkx's means on the same graph
 * (networkx 3.6.1, src/test/python/networkx_fixtures.py), within about four standard errors of the
 * difference.
 */
class SmallWorldTest {
  private static final UndirectedGraph WS30 = NamedGraphs.wattsStrogatz30();

  @Test
  void randomReferencesMatchNetworkxOnAverage() {
    int draws = 400;
    double transitivity = 0;
    double aspl = 0;
    for (int seed = 0; seed < draws; seed++) {
      UndirectedGraph r = RandomReference.generate(WS30, 5, true, seed);
      transitivity += Clustering.transitivity(r);
      aspl += Aspl.of(r);
    }
    // networkx, 200 seeds: 0.09556701030927836 and 2.4979425287356323 (sd 0.033 and 0.045)
    assertThat(transitivity / draws).isCloseTo(0.09556701030927836, within(0.011));
    assertThat(aspl / draws).isCloseTo(2.4979425287356323, within(0.016));
  }

  @Test
  void latticeReferencesMatchNetworkxOnAverage() {
    int draws = 400;
    double clustering = 0;
    for (int seed = 0; seed < draws; seed++) {
      clustering += Clustering.average(LatticeReference.generate(WS30, 5, true, seed));
    }
    // networkx, 200 seeds: 0.35675 (sd 0.06)
    assertThat(clustering / draws).isCloseTo(0.35675, within(0.021));
  }

  @Test
  void sigmaAndOmegaMatchNetworkxOnAverage() {
    int seeds = 40;
    double sigma = 0;
    double omega = 0;
    for (int seed = 0; seed < seeds; seed++) {
      sigma +=
          SmallWorldSigma.of(
                  WS30, new SmallWorldSigma.Settings(5, 5, ClusteringMeasure.TRANSITIVITY, seed))
              .value();
      omega +=
          SmallWorldOmega.of(
                  WS30,
                  new SmallWorldOmega.Settings(
                      5, 5, ClusteringMeasure.AVERAGE, LatticeReference.Rule.NETWORKX, seed))
              .value();
    }
    // networkx sigma(niter=5, nrand=5) and omega(niter=5, nrand=5), 100 seeds:
    // 3.052920578436574 (sd 0.42) and -0.030321138221541057 (sd 0.076)
    assertThat(sigma / seeds).isCloseTo(3.052920578436574, within(0.37));
    assertThat(omega / seeds).isCloseTo(-0.030321138221541057, within(0.054));
  }

  @Test
  void theRecordsCarryTheirPartsAndTheSameSeedGivesTheSameValue() {
    SmallWorldSigma.Settings settings =
        new SmallWorldSigma.Settings(4, 3, ClusteringMeasure.AVERAGE, 5);
    SmallWorldSigma s = SmallWorldSigma.of(NamedGraphs.karateClub(), settings);

    assertThat(SmallWorldSigma.of(NamedGraphs.karateClub(), settings)).isEqualTo(s);
    assertThat(s.clustering()).isEqualTo(0.5706384782076823);
    assertThat(s.aspl()).isEqualTo(2.408199643493761);
    assertThat(s.value())
        .isEqualTo((s.clustering() / s.randomClustering()) / (s.aspl() / s.randomAspl()));
    assertThat(s.settings()).isEqualTo(settings);

    SmallWorldOmega.Settings omegaSettings = SmallWorldOmega.Settings.networkxDefaults(5);
    SmallWorldOmega o = SmallWorldOmega.of(NamedGraphs.karateClub(), omegaSettings);
    assertThat(SmallWorldOmega.of(NamedGraphs.karateClub(), omegaSettings)).isEqualTo(o);
    assertThat(o.latticeClustering()).isGreaterThanOrEqualTo(o.clustering());
    assertThat(o.value())
        .isEqualTo(o.randomAspl() / o.aspl() - o.clustering() / o.latticeClustering());
  }

  @Test
  void omegaTellsLatticesFromRandomGraphs() {
    SmallWorldOmega.Settings settings =
        new SmallWorldOmega.Settings(
            3, 5, ClusteringMeasure.AVERAGE, LatticeReference.Rule.NETWORKX, 1);
    assertThat(SmallWorldOmega.of(RingLattice.of(64, 6), settings).value()).isLessThan(-0.5);
    assertThat(SmallWorldOmega.of(RandomRegular.connected(64, 6, 1), settings).value())
        .isGreaterThan(0.5);
  }

  @Test
  void squareClusteringGivesLayeredGraphsAFiniteSigma() {
    UndirectedGraph layered = NamedGraphs.layered();
    SmallWorldSigma triangles =
        SmallWorldSigma.of(
            layered, new SmallWorldSigma.Settings(3, 5, ClusteringMeasure.TRANSITIVITY, 1));
    SmallWorldSigma squares =
        SmallWorldSigma.of(
            layered, new SmallWorldSigma.Settings(3, 5, ClusteringMeasure.SQUARE, 1));

    assertThat(triangles.clustering()).isZero();
    assertThat(squares.clustering()).isCloseTo(0.21420197449609216, within(1e-15));
    assertThat(squares.value()).isFinite().isPositive();
  }

  @Test
  void disconnectedGraphsAndBadSettingsAreRejected() {
    UndirectedGraph split =
        UndirectedGraph.fromPairs(6, new int[][] {{0, 1}, {1, 2}, {3, 4}, {4, 5}});
    assertThatThrownBy(
            () -> SmallWorldSigma.of(split, SmallWorldSigma.Settings.networkxDefaults(1)))
        .hasMessageContaining("not connected");
    assertThatThrownBy(() -> new SmallWorldSigma.Settings(0, 5, ClusteringMeasure.TRANSITIVITY, 1))
        .hasMessageContaining("references=0 must be at least 1");
    assertThatThrownBy(
            () ->
                new SmallWorldOmega.Settings(
                    1, -1, ClusteringMeasure.AVERAGE, LatticeReference.Rule.NETWORKX, 1))
        .hasMessageContaining("swapsPerEdge=-1");
    assertThatThrownBy(() -> new SmallWorldSigma.Settings(1, 1, null, 1))
        .hasMessageContaining("measure must be given");
  }
}
