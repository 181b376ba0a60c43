package dev.prunus.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.graph.generate.ErdosRenyi;
import dev.prunus.graph.generate.RandomRegular;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Double-edge swaps keep every degree; the connectivity-keeping form keeps the graph connected. */
class DoubleEdgeSwapProperties {

  @Property(tries = 200)
  void swapsKeepEveryDegreeAndMakeNoLoopsOrMultiEdges(
      @ForAll @IntRange(min = 4, max = 150) int n,
      @ForAll @IntRange(min = 2, max = 6) int density,
      @ForAll long seed) {
    UndirectedGraph start =
        ErdosRenyi.gnm(n, Math.min((long) n * density / 2, (long) n * (n - 1) / 2), seed);
    MutableGraph g = MutableGraph.copyOf(start);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      Optional<DoubleEdgeSwap> swap = DoubleEdgeSwap.propose(g, random);
      if (swap.isPresent() && swap.get().isApplicableTo(g)) {
        swap.get().applyTo(g);
      }
    }
    UndirectedGraph end = g.toGraph();
    assertThat(end.degrees()).containsExactly(start.degrees());
    assertThat(end.edgeCount()).isEqualTo(start.edgeCount());
    assertThat(end.selfLoopCount()).isZero();
  }

  @Property(tries = 100)
  void connectivityKeepingSwapsKeepAConnectedGraphConnected(
      @ForAll @IntRange(min = 4, max = 120) int halfN,
      @ForAll @IntRange(min = 1, max = 2) int halfDegree,
      @ForAll long seed) {
    int n = 2 * halfN;
    UndirectedGraph start = RandomRegular.connected(n, Math.min(2 * halfDegree, n - 2), seed);
    MutableGraph g = MutableGraph.copyOf(start);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int made = 0;
    for (int i = 0; i < 200; i++) {
      Optional<DoubleEdgeSwap> swap = DoubleEdgeSwap.propose(g, random);
      if (swap.isPresent() && swap.get().applyKeepingConnected(g)) {
        made++;
        assertThat(Connectivity.isConnected(g.toGraph())).isTrue();
      }
    }
    assertThat(g.toGraph().degrees()).containsExactly(start.degrees());
    assertThat(made).isPositive();
  }
}
