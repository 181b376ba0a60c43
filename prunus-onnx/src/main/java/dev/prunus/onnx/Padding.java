package dev.prunus.onnx;

import java.util.Arrays;

/** The {@code pads} attribute of a 2-D Conv or pooling node: {@code [top, left, bottom, right]}. */
final class Padding {
  private Padding() {}

  /** {@code [top, left, bottom, right]}, zeros when the node has none (or auto_pad VALID). */
  static int[] of(OnnxNode n) {
    long[] p = n.integers("pads").orElse(new long[4]);
    if (n.text("auto_pad", "NOTSET").equals("VALID")) {
      p = new long[4];
    }
    if (p.length != 4 || Arrays.stream(p).anyMatch(v -> v < 0 || v > Integer.MAX_VALUE)) {
      throw n.refuse("has pads " + Arrays.toString(p) + ": Prunus reads four non-negative values (top, left, bottom, "
          + "right)");
    }
    return new int[] {(int) p[0], (int) p[1], (int) p[2], (int) p[3]};
  }

  static boolean symmetric(int[] pads) {
    return pads[0] == pads[2] && pads[1] == pads[3];
  }
}
