package dev.prunus.graph.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.graph.JGraphT;
import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.ErdosRenyi;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.generate.RingLattice;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** The bit-parallel search against a plain BFS and against JGraphT, on graphs across word sizes. */
class BitParallelBfsTest {

  private static void assertMatchesPlainBfs(UndirectedGraph g) {
    long[] expected = PlainBfs.pairsAtDistanceThenUnreachable(g);
    DistanceHistogram h = DistanceHistogram.of(g);
    int n = g.nodeCount();
    for (int d = 1; d < n; d++) {
      assertThat(h.pairsAtDistance(d)).as("%s pairs at distance %d", g, d).isEqualTo(expected[d]);
    }
    assertThat(h.unreachablePairs()).isEqualTo(expected[n]);
  }

  @Test
  void histogramsEqualPlainBfsOnRandomGraphsOfOneToFourWords() {
    int[] sizes = {1, 2, 5, 63, 64, 65, 127, 128, 129, 200};
    for (int n : sizes) {
      for (int seed = 0; seed < 3; seed++) {
        double p = n <= 1 ? 0 : Math.min(1, (1.0 + seed) * Math.log(n + 1) / n);
        assertMatchesPlainBfs(ErdosRenyi.gnp(n, p, 31L * n + seed));
      }
    }
  }

  @Test
  void histogramsEqualPlainBfsOnRegularGraphsAndLattices() {
    assertMatchesPlainBfs(RandomRegular.generate(300, 3, 5));
    assertMatchesPlainBfs(RingLattice.of(150, 6));
    assertMatchesPlainBfs(NamedGraphs.karateClub());
  }

  @Test
  void asplAndEfficiencyEqualJGraphTOnRandomGraphs() {
    for (int seed = 0; seed < 25; seed++) {
      int n = 10 + 7 * seed;
      UndirectedGraph g = ErdosRenyi.gnm(n, 2L * n, seed);
      Graph<Integer, DefaultEdge> oracle = JGraphT.of(g);
      long sum = 0;
      double inverse = 0;
      long unreachable = 0;
      for (int s = 0; s < n; s++) {
        var paths = new BFSShortestPath<>(oracle).getPaths(s);
        for (int t = 0; t < n; t++) {
          if (t != s) {
            double d = paths.getWeight(t);
            if (Double.isInfinite(d)) {
              unreachable++;
            } else {
              sum += (long) d;
              inverse += 1 / d;
            }
          }
        }
      }
      DistanceHistogram h = DistanceHistogram.of(g);
      assertThat(h.unreachablePairs()).as("seed %d", seed).isEqualTo(unreachable);
      assertThat(h.globalEfficiency()).isCloseTo(inverse / ((double) n * (n - 1)), within(1e-12));
      if (unreachable == 0) {
        assertThat(h.distanceSum()).isEqualTo(sum);
        assertThat(Aspl.of(g)).isEqualTo(sum / ((double) n * (n - 1)));
      }
    }
  }

  @Test
  void anEarlyStopOnlyEverHappensAboveTheLimit() {
    UndirectedGraph g = RandomRegular.connected(200, 4, 9);
    int[][] csr = BitParallelBfs.compressedRows(g);
    BitParallelBfs bfs = new BitParallelBfs(200);
    long exact = bfs.distanceSum(csr[0], csr[1], BitParallelBfs.ABOVE_LIMIT);
    long[] histogram = bfs.pairsAtDistance();

    assertThat(exact).isEqualTo(DistanceHistogram.of(g).distanceSum());
    assertThat(bfs.distanceSum(csr[0], csr[1], exact)).isEqualTo(exact);
    assertThat(bfs.pairsAtDistance()).containsExactly(histogram);
    assertThat(bfs.distanceSum(csr[0], csr[1], exact - 1)).isIn(BitParallelBfs.ABOVE_LIMIT, exact);
    assertThat(bfs.distanceSum(csr[0], csr[1], exact / 2)).isEqualTo(BitParallelBfs.ABOVE_LIMIT);
  }

  @Test
  void aDisconnectedGraphIsReportedAsSuch() {
    UndirectedGraph g = UndirectedGraph.fromPairs(70, new int[][] {{0, 1}});
    int[][] csr = BitParallelBfs.compressedRows(g);
    assertThat(new BitParallelBfs(70).distanceSum(csr[0], csr[1], BitParallelBfs.ABOVE_LIMIT))
        .isEqualTo(BitParallelBfs.DISCONNECTED);
    assertThat(DistanceHistogram.of(g).unreachablePairs()).isEqualTo(70L * 69 - 2);
  }
}
