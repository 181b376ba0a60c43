package dev.prunus.data;

/**
 * Resamples one image (CHW floats, row-major) to another size with an antialiased bilinear (triangle)
 * filter, one axis after the other: width first, then height.
 *
 * <p>Output pixel {@code i} of an axis scaled from {@code in} to {@code out} samples is centred on input
 * coordinate {@code (i + 0.5) * in / out} (pixel centres at half-integers, the "align corners = false"
 * convention); its weights are the triangle {@code max(0, 1 - |d|)} of the distance {@code d} from that
 * centre to each input pixel centre, the triangle widened by the factor {@code in / out} when shrinking
 * (so every input pixel contributes, no aliasing), and normalised to sum to 1. Pixels outside the image
 * get no weight. This is Pillow's bilinear resampling and PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False, antialias=True)}, computed in float; enlarging, it is plain bilinear interpolation
 * with the border pixels repeated. A uniform image stays uniform, and an image resized to its own size is
 * unchanged.
 */
final class ImageResize {
  private ImageResize() {}

  /** {@code image} ([channels, height, width]) resized to [channels, outHeight, outWidth]. */
  static float[] resize(float[] image, int channels, int height, int width, int outHeight, int outWidth) {
    float[] rows = width == outWidth ? image : resample(image, channels * height, width, 1, outWidth);
    if (height == outHeight) {
      return rows;
    }
    float[] out = new float[channels * outHeight * outWidth];
    int inPlane = height * outWidth;
    int outPlane = outHeight * outWidth;
    for (int c = 0; c < channels; c++) {
      float[] plane = new float[inPlane];
      System.arraycopy(rows, c * inPlane, plane, 0, inPlane);
      float[] resized = resample(plane, outWidth, height, outWidth, outHeight);
      System.arraycopy(resized, 0, out, c * outPlane, outPlane);
    }
    return out;
  }

  /**
   * {@code image} resized by {@code rule} to [channels, outHeight, outWidth] (see {@link ResizeRule}).
   */
  static float[] apply(
      ResizeRule rule, float[] image, int channels, int height, int width, int outHeight, int outWidth) {
    if (rule == ResizeRule.STRETCH || (height == outHeight && width == outWidth)) {
      return resize(image, channels, height, width, outHeight, outWidth);
    }
    int scaledHeight;
    int scaledWidth;
    if ((long) width * outHeight >= (long) height * outWidth) { // relatively wider: the height decides
      scaledHeight = outHeight;
      scaledWidth = Math.max(outWidth, (int) ((long) outHeight * width / height));
    } else {
      scaledWidth = outWidth;
      scaledHeight = Math.max(outHeight, (int) ((long) outWidth * height / width));
    }
    float[] scaled = resize(image, channels, height, width, scaledHeight, scaledWidth);
    int top = (int) Math.rint((scaledHeight - outHeight) / 2.0);
    int left = (int) Math.rint((scaledWidth - outWidth) / 2.0);
    float[] out = new float[channels * outHeight * outWidth];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < outHeight; y++) {
        System.arraycopy(scaled, (c * scaledHeight + y + top) * scaledWidth + left,
            out, (c * outHeight + y) * outWidth, outWidth);
      }
    }
    return out;
  }

  /**
   * Resamples the last axis: {@code lines} lines of {@code in} samples, sample {@code k} of line {@code l}
   * at {@code l * in + k} when {@code stride == 1}; with {@code stride > 1} the axis runs down the columns
   * of a {@code in x stride} plane ({@code lines == stride}), sample {@code k} of column {@code l} at
   * {@code k * stride + l}.
   */
  private static float[] resample(float[] data, int lines, int in, int stride, int out) {
    Weights w = Weights.of(in, out);
    float[] result = new float[lines * out];
    for (int l = 0; l < lines; l++) {
      for (int i = 0; i < out; i++) {
        double sum = 0;
        int first = w.first[i];
        for (int k = 0; k < w.count[i]; k++) {
          int j = first + k;
          sum += w.weight[i][k] * data[stride == 1 ? l * in + j : j * stride + l];
        }
        result[stride == 1 ? l * out + i : i * stride + l] = (float) sum;
      }
    }
    return result;
  }

  /** The filter weights of every output sample of an axis scaled from {@code in} to {@code out}. */
  private record Weights(int[] first, int[] count, double[][] weight) {
    static Weights of(int in, int out) {
      double scale = (double) in / out;
      double support = scale >= 1 ? scale : 1.0;
      double inverse = scale >= 1 ? 1 / scale : 1.0;
      int[] first = new int[out];
      int[] count = new int[out];
      double[][] weight = new double[out][];
      for (int i = 0; i < out; i++) {
        double center = (i + 0.5) * scale;
        int lo = Math.max((int) (center - support + 0.5), 0);
        int hi = Math.min((int) (center + support + 0.5), in);
        double[] w = new double[hi - lo];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
          w[k] = Math.max(0, 1 - Math.abs((k + lo - center + 0.5) * inverse));
          total += w[k];
        }
        for (int k = 0; k < w.length; k++) {
          w[k] = total == 0 ? 0 : w[k] / total;
        }
        first[i] = lo;
        count[i] = w.length;
        weight[i] = w;
      }
      return new Weights(first, count, weight);
    }
  }
}
