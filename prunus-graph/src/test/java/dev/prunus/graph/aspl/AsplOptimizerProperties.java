package dev.prunus.graph.aspl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.graph.Connectivity;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.aspl.AsplOptimizer.Settings;
import dev.prunus.graph.aspl.AsplOptimizer.Snapshot;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.graph.metric.Aspl;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The optimiser's swaps keep every degree and connectivity, and the ASPL never rises. */
class AsplOptimizerProperties {

  @Property(tries = 60)
  void swapsKeepDegreesAndConnectivityAndNeverRaiseTheAspl(
      @ForAll @IntRange(min = 6, max = 140) int n,
      @ForAll @IntRange(min = 1, max = 4) int halfDegree,
      @ForAll long seed) {
    int k = Math.min(2 * halfDegree, n % 2 == 0 ? n - 2 : n - 1);
    UndirectedGraph start = RingLattice.of(n, k);
    AsplOptimizer.Result r =
        AsplOptimizer.optimize(
            start,
            Settings.defaults(seed).withMaxSteps(1_500).withPatience(500).withSnapshotSpacing(0));

    double previous = Double.POSITIVE_INFINITY;
    for (Snapshot s : r.chain()) {
      assertThat(s.graph().degrees()).containsOnly(k);
      assertThat(Connectivity.isConnected(s.graph())).isTrue();
      assertThat(Aspl.of(s.graph())).isEqualTo(s.aspl());
      assertThat(s.aspl()).isLessThan(previous);
      previous = s.aspl();
    }
    assertThat(r.steps()).isLessThanOrEqualTo(1_500);
  }
}
