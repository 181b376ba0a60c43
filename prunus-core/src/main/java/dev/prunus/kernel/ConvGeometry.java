package dev.prunus.kernel;

/**
 * The shape of one 2-D convolution: input {@code [batch, inChannels, height, width]}, weight
 * {@code [outChannels, inChannels / groups, kernelH, kernelW]}, symmetric zero padding, stride and
 * dilation per axis, and {@code groups} (1 for a dense convolution, {@code inChannels} for a depthwise one).
 */
public record ConvGeometry(
    int batch, int inChannels, int height, int width, int outChannels, int kernelH, int kernelW,
    int strideH, int strideW, int padH, int padW, int dilationH, int dilationW, int groups) {

  public ConvGeometry {
    if (batch <= 0 || inChannels <= 0 || height <= 0 || width <= 0 || outChannels <= 0 || kernelH <= 0
        || kernelW <= 0 || strideH <= 0 || strideW <= 0 || padH < 0 || padW < 0 || dilationH <= 0
        || dilationW <= 0 || groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException("invalid convolution geometry " + this);
    }
    if (outHeight(height, kernelH, strideH, padH, dilationH) <= 0 || outHeight(width, kernelW, strideW, padW, dilationW) <= 0) {
      throw new IllegalArgumentException("the kernel of " + this + " does not fit its input");
    }
  }

  /** A dense convolution with a square kernel and the same stride and padding on both axes. */
  public static ConvGeometry square(int batch, int inChannels, int side, int outChannels, int kernel, int stride, int pad) {
    return new ConvGeometry(batch, inChannels, side, side, outChannels, kernel, kernel, stride, stride, pad, pad, 1, 1, 1);
  }

  private static int outHeight(int in, int k, int s, int p, int d) {
    return (in + 2 * p - d * (k - 1) - 1) / s + 1;
  }

  public int outHeight() {
    return outHeight(height, kernelH, strideH, padH, dilationH);
  }

  public int outWidth() {
    return outHeight(width, kernelW, strideW, padW, dilationW);
  }

  public int inputSize() {
    return batch * inChannels * height * width;
  }

  public int weightSize() {
    return outChannels * (inChannels / groups) * kernelH * kernelW;
  }

  public int outputSize() {
    return batch * outChannels * outHeight() * outWidth();
  }

  public long[] inputShape() {
    return new long[] {batch, inChannels, height, width};
  }

  public long[] weightShape() {
    return new long[] {outChannels, inChannels / groups, kernelH, kernelW};
  }

  public long[] outputShape() {
    return new long[] {batch, outChannels, outHeight(), outWidth()};
  }

  @Override
  public String toString() {
    return "conv N=" + batch + " C_in=" + inChannels + " " + height + "x" + width + " C_out=" + outChannels
        + " kernel " + kernelH + "x" + kernelW + " stride " + strideH + "x" + strideW + " padding " + padH + "x" + padW
        + (dilationH == 1 && dilationW == 1 ? "" : " dilation " + dilationH + "x" + dilationW)
        + (groups == 1 ? "" : " groups " + groups);
  }
}
