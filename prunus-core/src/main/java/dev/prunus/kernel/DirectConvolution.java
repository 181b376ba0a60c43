package dev.prunus.kernel;

/**
 * The textbook 2-D convolution (cross-correlation, as in PyTorch) and its two gradients, computed
 * directly from the definition with double accumulation: slow, but simple enough to be checked by eye.
 * It is the oracle libtorch's kernels are held against ({@link EngineCheck}); it never runs in training.
 *
 * <p>Arrays are dense row-major: input {@code [N, C, H, W]}, weight {@code [O, C/groups, kh, kw]}, output
 * {@code [N, O, oh, ow]}.
 */
public final class DirectConvolution {
  private DirectConvolution() {}

  /** {@code y[n,o,i,j] = b[o] + sum over the group's c, u, v of x[n,c,i*s-p+u*d, j*s-p+v*d] * w[o,c,u,v]}. */
  public static double[] forward(ConvGeometry g, float[] x, float[] w, float[] bias) {
    double[] y = new double[g.outputSize()];
    forEachTap(g, (yi, xi, wi) -> y[yi] += (double) x[xi] * w[wi]);
    if (bias != null) {
      int plane = g.outHeight() * g.outWidth();
      for (int i = 0; i < y.length; i++) {
        y[i] += bias[(i / plane) % g.outChannels()];
      }
    }
    return y;
  }

  /** The gradient of {@code sum(y * dy)} with respect to the input: shape of {@code x}. */
  public static double[] inputGradient(ConvGeometry g, float[] dy, float[] w) {
    double[] dx = new double[g.inputSize()];
    forEachTap(g, (yi, xi, wi) -> dx[xi] += (double) dy[yi] * w[wi]);
    return dx;
  }

  /** The gradient of {@code sum(y * dy)} with respect to the weight: shape of {@code w}. */
  public static double[] weightGradient(ConvGeometry g, float[] dy, float[] x) {
    double[] dw = new double[g.weightSize()];
    forEachTap(g, (yi, xi, wi) -> dw[wi] += (double) dy[yi] * x[xi]);
    return dw;
  }

  /** One multiply of the convolution: output index, input index, weight index. */
  private interface Tap {
    void accept(int outputIndex, int inputIndex, int weightIndex);
  }

  /** Visits every (output, input, weight) triple that the convolution multiplies, padding skipped. */
  private static void forEachTap(ConvGeometry g, Tap tap) {
    int oh = g.outHeight();
    int ow = g.outWidth();
    int inPerGroup = g.inChannels() / g.groups();
    int outPerGroup = g.outChannels() / g.groups();
    for (int n = 0; n < g.batch(); n++) {
      for (int o = 0; o < g.outChannels(); o++) {
        int firstInput = (o / outPerGroup) * inPerGroup;
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            int yi = ((n * g.outChannels() + o) * oh + i) * ow + j;
            for (int c = 0; c < inPerGroup; c++) {
              for (int u = 0; u < g.kernelH(); u++) {
                int row = i * g.strideH() - g.padH() + u * g.dilationH();
                if (row < 0 || row >= g.height()) {
                  continue;
                }
                for (int v = 0; v < g.kernelW(); v++) {
                  int col = j * g.strideW() - g.padW() + v * g.dilationW();
                  if (col < 0 || col >= g.width()) {
                    continue;
                  }
                  int xi = ((n * g.inChannels() + firstInput + c) * g.height() + row) * g.width() + col;
                  int wi = ((o * inPerGroup + c) * g.kernelH() + u) * g.kernelW() + v;
                  tap.accept(yi, xi, wi);
                }
              }
            }
          }
        }
      }
    }
  }
}
