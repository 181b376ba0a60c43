package dev.prunus.onnx;

import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.PadLayer;
import dev.prunus.model.TensorShape;
import dev.prunus.onnx.ImportGraph.Flow;
import java.util.Arrays;
import java.util.List;

/**
 * The pooling operations: MaxPool, AveragePool, GlobalAveragePool, and ReduceMean over the two spatial axes
 * (a global average pool, followed by a flatten when it drops the axes). Asymmetric padding is taken where
 * it can be exactly: for an average that counts the padding, as an explicit zero pad before it; for a max,
 * when the extra padding is at the end and gives the windows PyTorch's {@code ceil_mode} gives. Other
 * asymmetric padding is refused.
 */
final class PoolOps {
  private PoolOps() {}

  static void maxPool(ImportGraph g, OnnxNode n) {
    Flow x = spatial(g, n);
    if (n.outputs().size() > 1 && !n.outputs().get(1).isEmpty()) {
      throw n.refuse("also returns the indices of its maxima: Prunus imports max pooling without them");
    }
    if (Arrays.stream(n.integers("dilations").orElse(new long[] {1, 1})).anyMatch(d -> d != 1)) {
      throw n.refuse("has dilations " + Arrays.toString(n.integers("dilations").get()) + ": Prunus pools without dilation");
    }
    int[] k = kernel(n);
    int[] s = LayerOps.pair(n, "strides");
    int[] p = Padding.of(n);
    boolean ceil = n.integer("ceil_mode", 0) != 0;
    MaxPoolLayer layer = null;
    if (Padding.symmetric(p)) {
      layer = maxPool(k, s, p[0], p[1], ceil);
    } else if (p[2] >= p[0] && p[3] >= p[1]) {
      TensorShape want = x.shape().with(1, onnxSize(x.shape().dim(1), k[0], s[0], p[0] + p[2], ceil))
          .with(2, onnxSize(x.shape().dim(2), k[1], s[1], p[1] + p[3], ceil));
      for (boolean c : new boolean[] {false, true}) {
        MaxPoolLayer candidate = maxPool(k, s, p[0], p[1], c);
        if (layer == null && candidate != null && candidate.outputShape(x.shape()).equals(want)) {
          layer = candidate;
        }
      }
    }
    if (layer == null) {
      throw n.refuse("pads " + Arrays.toString(p) + " (top, left, bottom, right) with a " + k[0] + "x" + k[1]
          + " window: Prunus's max pooling pads each axis the same on both sides (at most half the window) and "
          + "cannot express this exactly (a zero pad would win the maximum over negative values)");
    }
    g.bind(n.output(), g.addOperation(n, layer, List.of(x)));
  }

  private static MaxPoolLayer maxPool(int[] k, int[] s, int padH, int padW, boolean ceil) {
    return 2 * padH <= k[0] && 2 * padW <= k[1] ? new MaxPoolLayer(k[0], k[1], s[0], s[1], padH, padW, ceil) : null;
  }

  /** ONNX's output size of a pooling axis with {@code pads} in all. */
  private static int onnxSize(int size, int k, int s, int pads, boolean ceil) {
    int span = size + pads - k;
    return (ceil ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s)) + 1;
  }

  static void averagePool(ImportGraph g, OnnxNode n) {
    Flow x = spatial(g, n);
    int[] k = kernel(n);
    int[] s = LayerOps.pair(n, "strides");
    int[] p = Padding.of(n);
    boolean ceil = n.integer("ceil_mode", 0) != 0;
    boolean countPadding = n.integer("count_include_pad", 0) != 0;
    Flow in = x;
    if (!Padding.symmetric(p)) {
      if (!countPadding || ceil) {
        throw n.refuse("pads " + Arrays.toString(p) + " (top, left, bottom, right) without counting the padding"
            + (ceil ? " or with ceil_mode" : "") + ": Prunus's average pooling pads each axis the same on both sides, "
            + "and an explicit zero pad is exact only when the padding counts and ceil_mode is off");
      }
      in = g.add(n, g.names().derived(OnnxNames.readable(n.name()), "pad"),
          new PadLayer(new int[] {0, p[0], p[1]}, new int[] {0, p[2], p[3]}), List.of(x));
      p = new int[4];
    }
    AvgPoolLayer layer = new AvgPoolLayer(k[0], k[1], s[0], s[1], p[0], p[1], ceil, countPadding);
    g.bind(n.output(), g.addOperation(n, layer, List.of(in)));
  }

  static void globalAveragePool(ImportGraph g, OnnxNode n) {
    Flow x = spatial(g, n);
    g.bind(n.output(), g.addOperation(n, new GlobalAvgPoolLayer(), List.of(x)));
  }

  /** ReduceMean over axes 2 and 3 of an [N, C, H, W] map: a global average pool (and a flatten when keepdims is 0). */
  static void reduceMean(ImportGraph g, OnnxNode n) {
    Flow x = spatial(g, n);
    long[] axes = n.integers("axes").orElseGet(() -> n.input(1).isPresent()
        ? g.requireConstant(n, 1, "axes").asLongs() : new long[0]);
    long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray();
    if (!Arrays.equals(sorted, new long[] {2, 3})) {
      throw n.refuse("averages over axes " + Arrays.toString(axes) + ": Prunus reads ReduceMean over the two spatial "
          + "axes (2, 3) of an [N, C, H, W] map, a global average pool");
    }
    Flow pooled = g.addOperation(n, new GlobalAvgPoolLayer(), List.of(x));
    if (n.integer("keepdims", 1) == 0) {
      pooled = g.add(n, g.names().derived(pooled.name(), "flatten"), new FlattenLayer(), List.of(pooled));
    }
    g.bind(n.output(), pooled);
  }

  private static Flow spatial(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    if (x.shape().rank() != 3) {
      throw n.refuse("pools a " + x.shape() + " tensor per example: Prunus pools [N, C, H, W] maps");
    }
    String autoPad = n.text("auto_pad", "NOTSET");
    if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
      throw n.refuse("has auto_pad " + autoPad + ": Prunus reads explicit pads; export with explicit padding");
    }
    return x;
  }

  private static int[] kernel(OnnxNode n) {
    long[] k = n.integers("kernel_shape").orElseThrow(() -> n.refuse("has no kernel_shape"));
    if (k.length != 2 || k[0] <= 0 || k[1] <= 0) {
      throw n.refuse("has kernel_shape " + Arrays.toString(k) + ": Prunus pools 2-D windows");
    }
    return new int[] {(int) k[0], (int) k[1]};
  }
}
