package dev.prunus.model;


/**
 * Average pooling of a {@code [C, H, W]} map: a {@code kernelH x kernelW} window moved by the strides, with
 * symmetric zero padding; {@code ceil} rounds the output size up (windows may then start in the padding's
 * far side, as PyTorch's {@code ceil_mode}); {@code countPadding} divides by the whole window, padding
 * included, rather than by its part inside the map.
 */
public record AvgPoolLayer(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceil,
    boolean countPadding) implements UnaryLayer {
  public AvgPoolLayer {
    if (kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0 || padH < 0 || padW < 0) {
      throw new IllegalArgumentException("invalid average pool " + kernelH + "x" + kernelW);
    }
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return Pooling.outputShape("average pool", in, kernelH, kernelW, strideH, strideW, padH, padW, ceil);
  }

}
