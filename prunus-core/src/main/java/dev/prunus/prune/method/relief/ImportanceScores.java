package dev.prunus.prune.method.relief;

import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;

/**
 * NNrelief's importance of every incoming connection of a layer, from the batch mean of the absolute
 * input on the pruning set, as the authors' code computes it. Pure arithmetic on heap arrays; already-pruned
 * weights are zero and so score zero.
 *
 * <ul>
 *   <li>Fully connected: {@code I[j][i] = (1/N) sum_n |w_ji x_ni| = |w_ji| * mean_n |x_ni|}, and the bias
 *       {@code |b_j|}.
 *   <li>Convolution, as the authors' code computes it: {@code A_i = mean_n |x_ni|} (zero-padded like the
 *       layer's input), {@code P_ji = |K_ji| * A_i} (the layer's own sliding window and stride), reduced by
 *       the {@link Aggregation}; the bias {@code |b_j|} scaled by the number of output positions. This is
 *       {@code ||(|K| * mean|x|)||}, not the paper's {@code mean ||(|K| * |x|)||}: the two differ by Jensen's
 *       inequality, and we follow the code, whose numbers the paper reports.
 * </ul>
 * Each result has one row per output unit: its connections' importances, then (when the layer has a bias)
 * the bias's, ready for {@link CumulativeAlpha}.
 */
public final class ImportanceScores {
  private ImportanceScores() {}

  /**
   * Importances of a linear layer.
   *
   * @param weight {@code [out, in]}, row-major
   * @param bias {@code [out]}, or null when the layer has none
   * @param meanAbsInput {@code [in]}: {@code mean_n |x_ni|}
   */
  public static double[][] linear(float[] weight, float[] bias, double[] meanAbsInput) {
    int in = meanAbsInput.length;
    int out = weight.length / in;
    double[][] s = new double[out][in + (bias == null ? 0 : 1)];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        s[j][i] = Math.abs(weight[j * in + i]) * meanAbsInput[i];
      }
      if (bias != null) {
        s[j][in] = Math.abs(bias[j]);
      }
    }
    return s;
  }

  /**
   * Importances of a convolution's kernels.
   *
   * @param layer the convolution (kernel, stride, padding, channel counts)
   * @param weight {@code [out, in, k, k]}, row-major
   * @param bias {@code [out]}, or null when the layer has none
   * @param meanAbsInput {@code [in, h, w]}: {@code mean_n |x_n|} of the layer's input, unpadded
   * @param input the shape of one input, {@code in x h x w}
   */
  public static double[][] conv(
      ConvLayer layer, float[] weight, float[] bias, double[] meanAbsInput, FeatureShape input, Aggregation agg) {
    FeatureShape output = layer.outputShape(input);
    int cin = layer.inChannels();
    int cout = layer.outChannels();
    int k = layer.kernel();
    int stride = layer.stride();
    int pad = layer.padding();
    int h = input.height();
    int w = input.width();
    int ph = h + 2 * pad;
    int pw = w + 2 * pad;
    int oh = output.height();
    int ow = output.width();
    double[][] s = new double[cout][cin + (bias == null ? 0 : 1)];
    double[] padded = new double[ph * pw];
    double[] map = new double[oh * ow];
    double[] kernel = new double[k * k];
    for (int i = 0; i < cin; i++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(meanAbsInput, (i * h + y) * w, padded, (y + pad) * pw + pad, w);
      }
      for (int j = 0; j < cout; j++) {
        int base = (j * cin + i) * k * k;
        boolean any = false;
        for (int e = 0; e < k * k; e++) {
          kernel[e] = Math.abs(weight[base + e]);
          any |= kernel[e] != 0;
        }
        if (!any) {
          continue; // a pruned kernel scores 0
        }
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double v = 0;
            for (int u = 0; u < k; u++) {
              int row = (oy * stride + u) * pw + ox * stride;
              for (int t = 0; t < k; t++) {
                v += kernel[u * k + t] * padded[row + t];
              }
            }
            map[oy * ow + ox] = v;
          }
        }
        s[j][i] = reduce(map, agg);
      }
    }
    if (bias != null) {
      for (int j = 0; j < cout; j++) {
        s[j][cin] = agg.bias(Math.abs(bias[j]), (long) oh * ow);
      }
    }
    return s;
  }

  /** A map reduced by the aggregation: its Frobenius norm or its sum. */
  static double reduce(double[] map, Aggregation agg) {
    double v = 0;
    if (agg == Aggregation.SUM) {
      for (double m : map) {
        v += m;
      }
      return v;
    }
    for (double m : map) {
      v += m * m;
    }
    return Math.sqrt(v);
  }
}
