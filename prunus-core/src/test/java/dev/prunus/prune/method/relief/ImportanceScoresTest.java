package dev.prunus.prune.method.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kernel and connection importances checked against their definitions (METHODS.md B.2.2, B.2.3). */
class ImportanceScoresTest {
  /** Linear: |w_ji| * mean|x_i| and |b_j|, by hand. */
  @Test
  void linearScoresAreWeightTimesMeanAbsInput() {
    double[][] s = ImportanceScores.linear(new float[] {0.5f, -0.25f, 0f, 2f}, new float[] {-0.75f, 0f},
        new double[] {2, 4});
    assertThat(s[0]).containsExactly(1.0, 1.0, 0.75);
    assertThat(s[1]).containsExactly(0.0, 8.0, 0.0);
  }

  /**
   * Convolution with stride 2 and padding 1: each kernel's score equals libtorch's convolution of the
   * mean absolute input channel with the absolute kernel, reduced by its norm or sum; the bias is scaled
   * by sqrt(positions) or positions.
   */
  @Test
  void convScoresMatchLibtorchsConvolutionOfTheMeanAbsoluteInput() {
    ConvLayer c = new ConvLayer("c", 3, 4, 3, 2, 1, true);
    FeatureShape in = new FeatureShape(3, 7, 6);
    SplittableRandom r = new SplittableRandom(5);
    float[] w = new float[4 * 3 * 9];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (r.nextDouble() * 2 - 1);
    }
    w[(2 * 3 + 1) * 9 + 4] = 0f;
    float[] b = {0.5f, -1f, 0f, 2f};
    double[] mean = new double[(int) in.size()];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = r.nextDouble();
    }
    FeatureShape out = c.outputShape(in);
    long positions = (long) out.height() * out.width();
    for (Aggregation agg : Aggregation.values()) {
      double[][] s = ImportanceScores.conv(c, w, b, mean, in, agg);
      try (NDManager m = NDManager.newBaseManager()) {
        for (int j = 0; j < 4; j++) {
          for (int i = 0; i < 3; i++) {
            float[] a = new float[in.height() * in.width()];
            for (int p = 0; p < a.length; p++) {
              a[p] = (float) mean[i * a.length + p];
            }
            float[] k = new float[9];
            for (int e = 0; e < 9; e++) {
              k[e] = Math.abs(w[(j * 3 + i) * 9 + e]);
            }
            NDArray map = Conv2d.conv2d(m.create(a, new Shape(1, 1, in.height(), in.width())),
                m.create(k, new Shape(1, 1, 3, 3)), null, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow();
            assertThat(map.getShape()).isEqualTo(new Shape(1, 1, out.height(), out.width()));
            double expected = agg == Aggregation.SUM ? map.sum().getFloat() : map.square().sum().sqrt().getFloat();
            assertThat(s[j][i]).as("kernel (%d, %d) %s", j, i, agg).isCloseTo(expected, within(1e-5 * (1 + expected)));
          }
          double bias = agg == Aggregation.SUM ? Math.abs(b[j]) * positions : Math.abs(b[j]) * Math.sqrt(positions);
          assertThat(s[j][3]).isCloseTo(bias, within(1e-9));
        }
      }
      assertThat(s[2][1]).isPositive(); // one zero tap does not zero the kernel
    }
  }

  /** The authors' defaults: sum for the LeNets, Frobenius for VGG and ResNet. */
  @Test
  void theDefaultAggregationFollowsTheArchitecture() {
    assertThat(Aggregation.forArchitecture(dev.prunus.model.zoo.ModelId.LENET5_CAFFE.build())).isEqualTo(Aggregation.SUM);
    assertThat(Aggregation.forArchitecture(dev.prunus.model.zoo.ModelId.RESNET20.build())).isEqualTo(Aggregation.FROBENIUS);
    assertThat(Aggregation.forArchitecture(dev.prunus.model.zoo.ModelId.VGG16.build())).isEqualTo(Aggregation.FROBENIUS);
  }
}
