package dev.prunus.model;

import dev.prunus.InvalidInputException;

/** The output size of a pooling window, PyTorch's rule. */
final class Pooling {
  private Pooling() {}

  /** The {@code [C, H', W']} a {@code what} window gives on {@code in}, or a refusal naming the window. */
  static TensorShape outputShape(String what, TensorShape in, int kernelH, int kernelW, int strideH, int strideW,
      int padH, int padW, boolean ceil) {
    if (in.rank() != 3) {
      throw new InvalidInputException(what + " expects a [C, H, W] map but receives " + in);
    }
    int h = outputSize(in.dim(1), kernelH, strideH, padH, ceil);
    int w = outputSize(in.dim(2), kernelW, strideW, padW, ceil);
    if (h <= 0 || w <= 0) {
      throw new InvalidInputException(what + " " + kernelH + "x" + kernelW + " does not fit a " + in + " input");
    }
    return TensorShape.of(in.channels(), h, w);
  }

  /**
   * Positions of a {@code kernel} window moved by {@code stride} over {@code size} values padded by
   * {@code pad} on each side; with {@code ceil}, a last partial window counts if it starts inside the input
   * or the left padding.
   */
  static int outputSize(int size, int kernel, int stride, int pad, boolean ceil) {
    int span = size + 2 * pad - kernel;
    if (span < 0) {
      return 0;
    }
    int out = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
    if (ceil && (out - 1) * stride >= size + pad) {
      out--;
    }
    return out;
  }
}
