package dev.prunus.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prunus's convolutions (libtorch through {@link Convolution}, with the algorithm the engine check chose
 * for this test JVM) against a direct convolution written here, with double accumulation: forward in
 * inference and training mode, and both gradients, on the channel counts where oneDNN's 16-channel blocks
 * leave a remainder and on those where they do not. Each case runs three times: a NaN or any difference
 * between runs fails it. Tolerance: the largest absolute difference within 1e-4 of the largest reference
 * value.
 */
class ConvolutionOracleTest {
  private static final double TOLERANCE = 1e-4;

  static Stream<ConvGeometry> grid() {
    List<ConvGeometry> cases = new ArrayList<>();
    for (int c : new int[] {3, 4, 16, 17, 20, 24, 32, 40, 50, 64}) {
      for (int k : new int[] {3, 5}) {
        for (int s : new int[] {1, 2}) {
          for (int p : new int[] {0, 1}) {
            for (int n : new int[] {1, 64}) {
              // 20 output channels: a remainder of 4 for the input gradient's reduction too
              cases.add(ConvGeometry.square(n, c, 8, 20, k, s, p));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("grid")
  void libtorchAgreesWithTheDirectConvolution(ConvGeometry g) {
    SplittableRandom r = new SplittableRandom(g.hashCode());
    float[] x = uniform(r, g.inputSize());
    float[] w = uniform(r, g.weightSize());
    float[] b = uniform(r, g.outChannels());
    float[] dy = uniform(r, g.outputSize());
    double[] y = Oracle.forward(g, x, w, b);
    double[][] expected = {y, y, Oracle.inputGradient(g, dy, w), Oracle.weightGradient(g, dy, x)};
    String[] names = {"forward (inference)", "forward (training)", "input gradient", "weight gradient"};
    float[][] first = EngineCheck.libtorch(g, x, w, b, dy);
    for (int run = 0; run < 3; run++) {
      float[][] got = run == 0 ? first : EngineCheck.libtorch(g, x, w, b, dy);
      for (int k = 0; k < names.length; k++) {
        assertThat(got[k]).as("%s, %s, run %d: no NaN", g, names[k], run).doesNotContain(Float.NaN);
        assertThat(Arrays.equals(got[k], first[k])).as("%s, %s: run %d equals run 0 bit for bit", g, names[k], run)
            .isTrue();
        assertThat(relativeError(got[k], expected[k])).as("%s, %s", g, names[k]).isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }

  @Test
  void paddingGivesOneDnnWholeBlocksAbove16Channels() {
    assertThat(Convolution.padded(1)).isEqualTo(1);
    assertThat(Convolution.padded(6)).isEqualTo(6);
    assertThat(Convolution.padded(16)).isEqualTo(16);
    assertThat(Convolution.padded(17)).isEqualTo(32);
    assertThat(Convolution.padded(20)).isEqualTo(32);
    assertThat(Convolution.padded(50)).isEqualTo(64);
    assertThat(Convolution.padded(64)).isEqualTo(64);
  }

  @Test
  void theNativeAlgorithmAgreesToo() {
    ConvolutionAlgorithm before = Convolution.algorithm();
    try {
      Convolution.use(ConvolutionAlgorithm.NATIVE);
      ConvGeometry g = ConvGeometry.square(4, 20, 9, 50, 5, 1, 1);
      SplittableRandom r = new SplittableRandom(3);
      float[] x = uniform(r, g.inputSize());
      float[] w = uniform(r, g.weightSize());
      float[] b = uniform(r, g.outChannels());
      float[] dy = uniform(r, g.outputSize());
      float[][] got = EngineCheck.libtorch(g, x, w, b, dy);
      assertThat(relativeError(got[0], Oracle.forward(g, x, w, b))).isLessThanOrEqualTo(TOLERANCE);
      assertThat(relativeError(got[2], Oracle.inputGradient(g, dy, w))).isLessThanOrEqualTo(TOLERANCE);
      assertThat(relativeError(got[3], Oracle.weightGradient(g, dy, x))).isLessThanOrEqualTo(TOLERANCE);
      assertThat(MkldnnSwitch.enabled()).as("native switches oneDNN off").isFalse();
    } finally {
      Convolution.use(before);
    }
    assertThat(MkldnnSwitch.enabled()).as("and back as it was").isEqualTo(before != ConvolutionAlgorithm.NATIVE);
  }

  @Test
  void theEngineCheckReportsWrongAndNaNOutputs() {
    double[] reference = {1, -2, 4};
    assertThat(EngineCheck.relativeError(new float[] {1, -2, 4}, reference)).isZero();
    assertThat(EngineCheck.relativeError(new float[] {1, -2, 4.4f}, reference)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(EngineCheck.relativeError(new float[] {1, Float.NaN, 4}, reference)).isInfinite();
    EngineCheck.Finding nan = new EngineCheck.Finding(ConvGeometry.square(1, 20, 8, 20, 3, 1, 1), "forward", 0, true, false);
    EngineCheck.Finding unstable = new EngineCheck.Finding(nan.geometry(), "forward", 0, false, true);
    EngineCheck.Finding far = new EngineCheck.Finding(nan.geometry(), "forward", 2e-4, false, false);
    assertThat(List.of(nan, unstable, far)).noneMatch(EngineCheck.Finding::passed);
    assertThat(new EngineCheck.Finding(nan.geometry(), "forward", 1e-5, false, false).passed()).isTrue();
  }

  @Test
  void theEngineCheckPassesHereWithTheAlgorithmItChose() {
    EngineGuard.Selection s = EngineGuard.select(null);
    assertThat(s.reports().get(s.reports().size() - 1).passed()).isTrue();
    assertThat(s.reports().get(s.reports().size() - 1).seconds()).as("the start-up check stays short").isLessThan(10);
    assertThat(Convolution.algorithm()).isEqualTo(s.algorithm());
    if (s.fellBack()) {
      assertThat(s.reports().get(0).passed()).as("the check falls back only when padded fails").isFalse();
    }
  }

  static double relativeError(float[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < actual.length; i++) {
      diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    return diff / scale;
  }

  static float[] uniform(SplittableRandom r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextDouble(-1, 1);
    }
    return a;
  }

  /**
   * The convolution and its gradients in gather form (each result element sums what reaches it), written
   * independently of {@link DirectConvolution}, which scatters. Dense (groups 1) only.
   */
  static final class Oracle {
    private Oracle() {}

    static double[] forward(ConvGeometry g, float[] x, float[] w, float[] b) {
      int oh = g.outHeight();
      int ow = g.outWidth();
      double[] y = new double[g.outputSize()];
      for (int n = 0; n < g.batch(); n++) {
        for (int o = 0; o < g.outChannels(); o++) {
          for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
              double acc = b[o];
              for (int c = 0; c < g.inChannels(); c++) {
                for (int u = 0; u < g.kernelH(); u++) {
                  for (int v = 0; v < g.kernelW(); v++) {
                    int row = i * g.strideH() + u - g.padH();
                    int col = j * g.strideW() + v - g.padW();
                    if (row >= 0 && row < g.height() && col >= 0 && col < g.width()) {
                      acc += (double) x[idx(n, c, row, col, g.inChannels(), g.height(), g.width())]
                          * w[idx(o, c, u, v, g.inChannels(), g.kernelH(), g.kernelW())];
                    }
                  }
                }
              }
              y[idx(n, o, i, j, g.outChannels(), oh, ow)] = acc;
            }
          }
        }
      }
      return y;
    }

    /** dx[n,c,r,q] = sum over o, u, v with r = i*s+u-p and q = j*s+v-p of dy[n,o,i,j] * w[o,c,u,v]. */
    static double[] inputGradient(ConvGeometry g, float[] dy, float[] w) {
      int oh = g.outHeight();
      int ow = g.outWidth();
      double[] dx = new double[g.inputSize()];
      for (int n = 0; n < g.batch(); n++) {
        for (int c = 0; c < g.inChannels(); c++) {
          for (int r = 0; r < g.height(); r++) {
            for (int q = 0; q < g.width(); q++) {
              double acc = 0;
              for (int u = 0; u < g.kernelH(); u++) {
                int ti = r + g.padH() - u;
                if (ti < 0 || ti % g.strideH() != 0 || ti / g.strideH() >= oh) {
                  continue;
                }
                for (int v = 0; v < g.kernelW(); v++) {
                  int tj = q + g.padW() - v;
                  if (tj < 0 || tj % g.strideW() != 0 || tj / g.strideW() >= ow) {
                    continue;
                  }
                  for (int o = 0; o < g.outChannels(); o++) {
                    acc += (double) dy[idx(n, o, ti / g.strideH(), tj / g.strideW(), g.outChannels(), oh, ow)]
                        * w[idx(o, c, u, v, g.inChannels(), g.kernelH(), g.kernelW())];
                  }
                }
              }
              dx[idx(n, c, r, q, g.inChannels(), g.height(), g.width())] = acc;
            }
          }
        }
      }
      return dx;
    }

    /** dw[o,c,u,v] = sum over n, i, j of dy[n,o,i,j] * x[n,c,i*s+u-p,j*s+v-p]. */
    static double[] weightGradient(ConvGeometry g, float[] dy, float[] x) {
      int oh = g.outHeight();
      int ow = g.outWidth();
      double[] dw = new double[g.weightSize()];
      for (int o = 0; o < g.outChannels(); o++) {
        for (int c = 0; c < g.inChannels(); c++) {
          for (int u = 0; u < g.kernelH(); u++) {
            for (int v = 0; v < g.kernelW(); v++) {
              double acc = 0;
              for (int n = 0; n < g.batch(); n++) {
                for (int i = 0; i < oh; i++) {
                  int row = i * g.strideH() + u - g.padH();
                  if (row < 0 || row >= g.height()) {
                    continue;
                  }
                  for (int j = 0; j < ow; j++) {
                    int col = j * g.strideW() + v - g.padW();
                    if (col >= 0 && col < g.width()) {
                      acc += (double) dy[idx(n, o, i, j, g.outChannels(), oh, ow)]
                          * x[idx(n, c, row, col, g.inChannels(), g.height(), g.width())];
                    }
                  }
                }
              }
              dw[idx(o, c, u, v, g.inChannels(), g.kernelH(), g.kernelW())] = acc;
            }
          }
        }
      }
      return dw;
    }

    private static int idx(int a, int b, int c, int d, int nb, int nc, int nd) {
      return ((a * nb + b) * nc + c) * nd + d;
    }
  }
}
