package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.ErdosRenyi;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Renaming the nodes changes no metric (only the order of floating-point sums). */
class MetricRelabelProperties {

  @Property(tries = 150)
  void metricsAreInvariantUnderRelabelling(
      @ForAll @IntRange(min = 2, max = 150) int n,
      @ForAll @IntRange(min = 1, max = 8) int density,
      @ForAll long seed) {
    UndirectedGraph g =
        ErdosRenyi.gnm(n, Math.min((long) n * density / 2, (long) n * (n - 1) / 2), seed);
    UndirectedGraph r = g.relabel(permutation(n, new SplittableRandom(seed)));

    assertThat(DistanceHistogram.of(r)).isEqualTo(DistanceHistogram.of(g));
    assertThat(GlobalEfficiency.of(r)).isEqualTo(GlobalEfficiency.of(g));
    assertThat(Clustering.transitivity(r)).isEqualTo(Clustering.transitivity(g));
    assertThat(Clustering.average(r)).isCloseTo(Clustering.average(g), within(1e-12));
    assertThat(SquareClustering.average(r)).isCloseTo(SquareClustering.average(g), within(1e-12));
    assertThat(sorted(Clustering.local(r))).containsExactly(sorted(Clustering.local(g)));
    assertThat(sorted(SquareClustering.local(r)))
        .containsExactly(sorted(SquareClustering.local(g)));
    if (DistanceHistogram.of(g).isConnected()) {
      assertThat(Aspl.of(r)).isEqualTo(Aspl.of(g));
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
