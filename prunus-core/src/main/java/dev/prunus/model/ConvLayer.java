package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.prunus.InvalidInputException;

/**
 * 2-D convolution (cross-correlation, as in PyTorch and ONNX). Weight shape
 * {@code [outChannels, inChannels / groups, kernelH, kernelW]}, bias {@code [outChannels]} when
 * {@code bias} is true; zero padding {@code padH} rows above and below and {@code padW} columns left and
 * right; stride and dilation per axis. {@code groups} 1 is a dense convolution; {@code groups == inChannels}
 * a depthwise one (each output channel reads one input channel).
 */
public record ConvLayer(
    String name, int inChannels, int outChannels, int kernelH, int kernelW, int strideH, int strideW, int padH,
    int padW, int dilationH, int dilationW, int groups, boolean bias)
    implements UnaryLayer, PrunableLayer, NamedLayer {

  public ConvLayer {
    if (inChannels <= 0 || outChannels <= 0 || kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0
        || padH < 0 || padW < 0 || dilationH <= 0 || dilationW <= 0 || groups <= 0 || inChannels % groups != 0
        || outChannels % groups != 0) {
      throw new IllegalArgumentException("invalid conv " + name + ": " + inChannels + "->" + outChannels + " kernel "
          + kernelH + "x" + kernelW + " groups " + groups);
    }
  }

  /** A dense convolution with a square kernel, and the same stride and padding on both axes. */
  public ConvLayer(String name, int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias) {
    this(name, inChannels, outChannels, kernel, kernel, stride, stride, padding, padding, 1, 1, 1, bias);
  }

  /** Reads both this form and the square form of model files written before kernels could be rectangular. */
  @JsonCreator
  static ConvLayer fromJson(
      @JsonProperty("name") String name, @JsonProperty("inChannels") int inChannels,
      @JsonProperty("outChannels") int outChannels, @JsonProperty("kernelH") Integer kernelH,
      @JsonProperty("kernelW") Integer kernelW, @JsonProperty("strideH") Integer strideH,
      @JsonProperty("strideW") Integer strideW, @JsonProperty("padH") Integer padH, @JsonProperty("padW") Integer padW,
      @JsonProperty("dilationH") Integer dilationH, @JsonProperty("dilationW") Integer dilationW,
      @JsonProperty("groups") Integer groups, @JsonProperty("bias") boolean bias,
      @JsonProperty("kernel") Integer kernel, @JsonProperty("stride") Integer stride,
      @JsonProperty("padding") Integer padding) {
    return new ConvLayer(name, inChannels, outChannels, or(kernelH, kernel), or(kernelW, kernel), or(strideH, stride),
        or(strideW, stride), or(padH, padding), or(padW, padding), or(dilationH, 1), or(dilationW, 1), or(groups, 1),
        bias);
  }

  private static int or(Integer value, Integer fallback) {
    return value != null ? value : fallback;
  }

  /** This convolution with other channel counts (a depthwise one stays depthwise: groups follow). */
  public ConvLayer withChannels(int in, int out) {
    int g = groups == 1 ? 1 : depthwise() ? in : groups;
    return new ConvLayer(name, in, out, kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW, g, bias);
  }

  /** True when each output channel reads exactly one input channel ({@code groups == inChannels}). */
  public boolean depthwise() {
    return groups > 1 && groups == inChannels;
  }

  /** True for a square kernel with the same stride and padding on both axes and no dilation. */
  public boolean square() {
    return kernelH == kernelW && strideH == strideW && padH == padW && dilationH == 1 && dilationW == 1;
  }

  /** The side of a {@link #square()} kernel. */
  public int kernel() {
    requireSquare();
    return kernelH;
  }

  /** The stride of a {@link #square()} convolution. */
  public int stride() {
    requireSquare();
    return strideH;
  }

  /** The padding of a {@link #square()} convolution. */
  public int padding() {
    requireSquare();
    return padH;
  }

  private void requireSquare() {
    if (!square()) {
      throw new IllegalStateException("conv " + name + " is not square (kernel " + kernelH + "x" + kernelW + ", stride "
          + strideH + "x" + strideW + ", padding " + padH + "x" + padW + ", dilation " + dilationH + "x" + dilationW + ")");
    }
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    if (in.rank() != 3) {
      throw new InvalidInputException("layer " + name + " expects a [C, H, W] map but receives " + in);
    }
    if (in.channels() != inChannels) {
      throw new InvalidInputException(
          "layer " + name + " expects " + inChannels + " input channels but receives " + in.channels());
    }
    int h = (in.dim(1) + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
    int w = (in.dim(2) + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
    if (h <= 0 || w <= 0) {
      throw new InvalidInputException(
          "layer " + name + " (kernel " + kernelH + "x" + kernelW + ") does not fit its " + in + " input: use a larger input");
    }
    return TensorShape.of(outChannels, h, w);
  }

  @Override
  public long[] weightShape() {
    return new long[] {outChannels, inChannels / groups, kernelH, kernelW};
  }

  @Override
  public int outputUnits() {
    return outChannels;
  }

  /** The input channels each output channel reads: all of them, or those of its group. */
  @Override
  public int inputUnits() {
    return inChannels / groups;
  }

  @Override
  public int weightsPerConnection() {
    return kernelH * kernelW;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CONV;
  }

  @Override
  public boolean hasBias() {
    return bias;
  }
}
