package dev.prunus.kernel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Every 2-D convolution Prunus runs, forward and backward (libtorch's autograd records the channel padding
 * of {@link ConvolutionAlgorithm#PADDED} like any other operation). The algorithm is a process-wide
 * choice, made once at start-up (the CLI's engine check picks it; {@link #use} sets it) and recorded in
 * provenance.
 */
public final class Convolution {
  /** oneDNN's AVX-512 channel block. */
  static final int BLOCK = 16;

  private static volatile ConvolutionAlgorithm algorithm = ConvolutionAlgorithm.PADDED;

  private Convolution() {}

  public static ConvolutionAlgorithm algorithm() {
    return algorithm;
  }

  /** Makes {@code a} the algorithm of every later convolution in this process. */
  public static synchronized void use(ConvolutionAlgorithm a) {
    if (a == algorithm) {
      return;
    }
    if (a == ConvolutionAlgorithm.NATIVE || algorithm == ConvolutionAlgorithm.NATIVE) {
      MkldnnSwitch.set(a != ConvolutionAlgorithm.NATIVE);
    }
    algorithm = a;
  }

  /**
   * The convolution of {@code x} ({@code [N, C, H, W]}) with {@code weight} ({@code [O, C/groups, kh, kw]})
   * plus {@code bias} ({@code [O]}, or null): {@code [N, O, oh, ow]}.
   */
  public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int strideH, int strideW, int padH, int padW,
      int dilationH, int dilationW, int groups) {
    Shape stride = new Shape(strideH, strideW);
    Shape padding = new Shape(padH, padW);
    Shape dilation = new Shape(dilationH, dilationW);
    if (algorithm != ConvolutionAlgorithm.PADDED || groups != 1) {
      return libtorch(x, weight, bias, stride, padding, dilation, groups);
    }
    long in = weight.getShape().get(1);
    long padIn = padded(in) - in;
    if (padIn == 0) {
      return libtorch(x, weight, bias, stride, padding, dilation, groups);
    }
    // torch's pad list runs from the last dimension backwards: (W, H, C) pads the channels
    Shape channels = new Shape(0, 0, 0, 0, 0, padIn);
    return libtorch(x.pad(channels, 0), weight.pad(channels, 0), bias, stride, padding, dilation, groups);
  }

  /** An input channel count as {@link ConvolutionAlgorithm#PADDED} hands it to oneDNN. */
  static long padded(long channels) {
    return channels > BLOCK && channels % BLOCK != 0 ? (channels + BLOCK - 1) / BLOCK * BLOCK : channels;
  }

  private static NDArray libtorch(NDArray x, NDArray w, NDArray b, Shape stride, Shape padding, Shape dilation, int groups) {
    return Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
  }
}
