package dev.prunus.prune.method.datafree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast greedy merge against a from-scratch oracle, and the Gram-matrix distances against direct sums. */
class NeuronMergeTest {
  /** Distances from the Gram product equal the direct sums of squared differences to float precision. */
  @Test
  void gramDistancesMatchDirectSums() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 30;
    int d = 17;
    float[] x = randomArray(r, n * d);
    float[] fast = SquaredDistances.of(x, n, d);
    float[] direct = direct(x, n, d);
    for (int i = 0; i < n * n; i++) {
      assertThat(fast[i]).isCloseTo(direct[i], org.assertj.core.data.Offset.offset(1e-4f * (1 + direct[i])));
    }
  }

  /**
   * The incremental greedy (nearest partner kept per neuron, saliencies updated after each merge) makes
   * the same choices, at the same saliencies, as recomputing every pair's saliency after every merge.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theIncrementalGreedyEqualsRecomputingEverySaliency(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 25;
    int d = 9;
    int out = 4;
    float[] rows = randomArray(r, n * d);
    float[] a = randomArray(r, n * out);
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      alive[i] = r.nextInt(5) != 0;
    }
    float[] dist = direct(rows, n, d);
    List<NeuronMerge.Step> fast = NeuronMerge.greedy(dist, a, out, alive, Integer.MAX_VALUE);
    List<NeuronMerge.Step> slow = bruteForce(dist, a, out, alive);
    assertThat(fast).hasSameSizeAs(slow);
    for (int t = 0; t < slow.size(); t++) {
      assertThat(fast.get(t).removed()).as("step %d", t).isEqualTo(slow.get(t).removed());
      assertThat(fast.get(t).into()).as("step %d", t).isEqualTo(slow.get(t).into());
      assertThat(fast.get(t).saliency()).isCloseTo(slow.get(t).saliency(), org.assertj.core.data.Offset.offset(1e-9));
    }
    int aliveCount = 0;
    for (boolean b : alive) {
      aliveCount += b ? 1 : 0;
    }
    assertThat(fast).hasSize(aliveCount - 1);
    assertThat(fast).allMatch(s -> alive[s.removed()] && alive[s.into()]);
  }

  @Test
  void stopsAfterTheRequestedNumberOfSteps() {
    SplittableRandom r = new SplittableRandom(9);
    boolean[] alive = {true, true, true, true, true};
    float[] rows = randomArray(r, 5 * 3);
    assertThat(NeuronMerge.greedy(direct(rows, 5, 3), randomArray(r, 10), 2, alive, 2)).hasSize(2);
  }

  /** The oracle: every alive pair's saliency recomputed from the current outgoing weights at every step. */
  private static List<NeuronMerge.Step> bruteForce(float[] dist, float[] outgoing, int out, boolean[] alive) {
    int n = alive.length;
    boolean[] live = alive.clone();
    double[] a = new double[outgoing.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = outgoing[i];
    }
    List<NeuronMerge.Step> steps = new ArrayList<>();
    while (true) {
      int bj = -1;
      int bi = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (!live[j]) {
          continue;
        }
        double m = 0;
        for (int o = 0; o < out; o++) {
          m += a[j * out + o] * a[j * out + o];
        }
        m /= out;
        for (int i = 0; i < n; i++) {
          if (i != j && live[i] && m * dist[i * n + j] < best) {
            best = m * dist[i * n + j];
            bj = j;
            bi = i;
          }
        }
      }
      if (bj < 0) {
        return steps;
      }
      steps.add(new NeuronMerge.Step(bj, bi, best));
      live[bj] = false;
      for (int o = 0; o < out; o++) {
        a[bi * out + o] += a[bj * out + o];
      }
    }
  }

  private static float[] direct(float[] x, int n, int d) {
    float[] out = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          double diff = x[i * d + k] - x[j * d + k];
          s += diff * diff;
        }
        out[i * n + j] = (float) s;
      }
    }
    return out;
  }

  private static float[] randomArray(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }
}
