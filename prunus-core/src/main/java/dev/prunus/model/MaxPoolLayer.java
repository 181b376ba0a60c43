package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Max pooling of a {@code [C, H, W]} map: a {@code kernelH x kernelW} window moved by the strides, with
 * symmetric padding that never wins the max; {@code ceil} rounds the output size up (PyTorch's
 * {@code ceil_mode}).
 */
public record MaxPoolLayer(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceil)
    implements UnaryLayer {
  public MaxPoolLayer {
    if (kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0 || padH < 0 || padW < 0
        || 2 * padH > kernelH || 2 * padW > kernelW) {
      throw new IllegalArgumentException("invalid max pool " + kernelH + "x" + kernelW + " padding " + padH + "x" + padW);
    }
  }

  /** A square window, no padding, floor rounding. */
  public MaxPoolLayer(int kernel, int stride) {
    this(kernel, kernel, stride, stride, 0, 0, false);
  }

  /** Reads both this form and the square form of model files written before windows could be rectangular. */
  @JsonCreator
  static MaxPoolLayer fromJson(
      @JsonProperty("kernelH") Integer kernelH, @JsonProperty("kernelW") Integer kernelW,
      @JsonProperty("strideH") Integer strideH, @JsonProperty("strideW") Integer strideW,
      @JsonProperty("padH") Integer padH, @JsonProperty("padW") Integer padW, @JsonProperty("ceil") boolean ceil,
      @JsonProperty("kernel") Integer kernel, @JsonProperty("stride") Integer stride) {
    return new MaxPoolLayer(kernelH != null ? kernelH : kernel, kernelW != null ? kernelW : kernel,
        strideH != null ? strideH : stride, strideW != null ? strideW : stride, padH != null ? padH : 0,
        padW != null ? padW : 0, ceil);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return Pooling.outputShape("max pool", in, kernelH, kernelW, strideH, strideW, padH, padW, ceil);
  }

}
