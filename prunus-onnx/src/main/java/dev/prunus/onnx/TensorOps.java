package dev.prunus.onnx;

import dev.prunus.model.ConcatLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.PadLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.TensorShape;
import dev.prunus.model.TransposeLayer;
import dev.prunus.onnx.ImportGraph.Flow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations that move values within an example: Concat, Split and Slice (along the channels or a spatial
 * axis), Pad (constant zeros), Flatten (axis 1), Reshape (shape from a constant, with ONNX's 0 = copy and
 * -1 = infer) and Transpose (a channel shuffle). The batch axis must stay where it is and whole: an
 * operation that moves values between examples is refused.
 */
final class TensorOps {
  private TensorOps() {}

  static void concat(ImportGraph g, OnnxNode n) {
    List<Flow> in = new ArrayList<>();
    for (String name : n.inputs()) {
      in.add(g.flow(n, name));
    }
    int axis = exampleAxis(n, n.integer("axis", 1), in.get(0).shape().rank(), "concatenates");
    g.bind(n.output(), g.addOperation(n, new ConcatLayer(axis), in));
  }

  static void split(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    int axis = exampleAxis(n, n.integer("axis", 0), x.shape().rank(), "splits");
    int size = x.shape().dim(axis);
    int parts = n.outputs().size();
    long[] sizes;
    if (n.input(1).isPresent()) {
      sizes = g.requireConstant(n, 1, "split sizes").asLongs();
    } else if (n.integers("split").isPresent()) {
      sizes = n.integers("split").get();
    } else {
      if (size % parts != 0) {
        throw n.refuse("splits " + size + " values into " + parts + " equal parts");
      }
      sizes = new long[parts];
      Arrays.fill(sizes, size / parts);
    }
    if (sizes.length != parts || Arrays.stream(sizes).sum() != size || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
      throw n.refuse("splits " + size + " values into parts " + Arrays.toString(sizes) + " for " + parts + " outputs");
    }
    String base = OnnxNames.readable(n.name());
    int start = 0;
    for (int i = 0; i < parts; i++) {
      int end = start + (int) sizes[i];
      if (!n.outputs().get(i).isEmpty()) {
        Flow part = g.add(n, g.names().derived(base, Integer.toString(i)), new SliceLayer(axis, start, end, 1), List.of(x));
        g.bind(n.outputs().get(i), part);
      }
      start = end;
    }
  }

  static void slice(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    int rank = x.shape().rank() + 1;
    long[] starts = n.input(1).isPresent() ? g.requireConstant(n, 1, "starts").asLongs()
        : n.integers("starts").orElseThrow(() -> n.refuse("has no starts"));
    long[] ends = n.input(2).isPresent() ? g.requireConstant(n, 2, "ends").asLongs()
        : n.integers("ends").orElseThrow(() -> n.refuse("has no ends"));
    long[] axes = n.input(3).isPresent() ? g.requireConstant(n, 3, "axes").asLongs()
        : n.integers("axes").orElseGet(() -> rangeOf(starts.length));
    long[] steps = n.input(4).isPresent() ? g.requireConstant(n, 4, "steps").asLongs() : ones(starts.length);
    if (ends.length != starts.length || axes.length != starts.length || steps.length != starts.length) {
      throw n.refuse("has " + starts.length + " starts, " + ends.length + " ends, " + axes.length + " axes and "
          + steps.length + " steps");
    }
    Flow out = x;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] == ConstantValue.UNKNOWN_BATCH || ends[i] == ConstantValue.UNKNOWN_BATCH) {
        throw n.refuse("slices at a position computed from the dynamic batch size: export with a fixed batch size");
      }
      long a = axes[i] < 0 ? axes[i] + rank : axes[i];
      if (steps[i] <= 0) {
        throw n.refuse("slices with step " + steps[i] + ": Prunus slices forwards");
      }
      if (a == 0) {
        boolean whole = starts[i] == 0 && steps[i] == 1 && (ends[i] >= Integer.MAX_VALUE || g.batchIsFixed() && ends[i] >= g.batch());
        if (!whole) {
          throw n.refuse("slices the batch axis: Prunus imports operations on each example, not across examples");
        }
        continue;
      }
      int axis = exampleAxis(n, a, x.shape().rank(), "slices");
      int dim = out.shape().dim(axis);
      int start = clamp(starts[i], dim);
      int end = clamp(ends[i], dim);
      if (end <= start) {
        throw n.refuse("slices " + starts[i] + ":" + ends[i] + " of an axis of " + dim + ", which is empty");
      }
      if (start != 0 || end != dim || steps[i] != 1) {
        String name = g.names().derived(OnnxNames.readable(n.name()), "axis" + a);
        out = g.add(n, name, new SliceLayer(axis, start, end, (int) Math.min(steps[i], Integer.MAX_VALUE)), List.of(out));
      }
    }
    bindOrAlias(g, n, out, x);
  }

  static void pad(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    int rank = x.shape().rank() + 1;
    if (!n.text("mode", "constant").equals("constant")) {
      throw n.refuse("pads in mode " + n.text("mode", "") + ": Prunus pads with constant zeros");
    }
    float value = n.input(2).isPresent() ? g.requireConstant(n, 2, "pad value").asFloats()[0] : n.real("value", 0f);
    if (value != 0f || n.input(3).isPresent()) {
      throw n.refuse("pads with the value " + value + (n.input(3).isPresent() ? " along chosen axes" : "")
          + ": Prunus pads every axis with zeros");
    }
    long[] pads = n.input(1).isPresent() ? g.requireConstant(n, 1, "pads").asLongs()
        : n.integers("pads").orElseThrow(() -> n.refuse("has no pads"));
    if (pads.length != 2 * rank || Arrays.stream(pads).anyMatch(p -> p < 0 || p > Integer.MAX_VALUE)
        || pads[0] != 0 || pads[rank] != 0) {
      throw n.refuse("has pads " + Arrays.toString(pads) + ": Prunus pads each example with non-negative amounts, "
          + "the batch axis not at all");
    }
    int[] before = new int[rank - 1];
    int[] after = new int[rank - 1];
    for (int i = 1; i < rank; i++) {
      before[i - 1] = (int) pads[i];
      after[i - 1] = (int) pads[rank + i];
    }
    boolean none = Arrays.stream(pads).allMatch(p -> p == 0);
    bindOrAlias(g, n, none ? x : g.addOperation(n, new PadLayer(before, after), List.of(x)), x);
  }

  static void flatten(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    long axis = n.integer("axis", 1);
    if (axis != 1 && axis != -(x.shape().rank())) {
      throw n.refuse("flattens from axis " + axis + ": Prunus flattens each example, from axis 1");
    }
    g.bind(n.output(), g.addOperation(n, new FlattenLayer(), List.of(x)));
  }

  static void reshape(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    long[] shape = g.requireConstant(n, 1, "shape").asLongs();
    boolean allowZero = n.integer("allowzero", 0) != 0;
    if (shape.length < 2) {
      throw n.refuse("reshapes to " + Arrays.toString(shape) + ": Prunus keeps the batch axis first");
    }
    long b = shape[0];
    boolean batch = b == 0 && !allowZero || b == -1 || b == ConstantValue.UNKNOWN_BATCH || g.batchIsFixed() && b == g.batch();
    if (!batch) {
      throw n.refuse("reshapes to " + Arrays.toString(shape) + ", whose first axis is not the batch: Prunus imports "
          + "operations on each example, not across examples");
    }
    int[] dims = new int[shape.length - 1];
    int infer = -1;
    long known = 1;
    for (int i = 1; i < shape.length; i++) {
      long d = shape[i];
      if (d == 0 && !allowZero) {
        if (i - 1 >= x.shape().rank()) {
          throw n.refuse("copies axis " + i + " of its input, which has only " + (x.shape().rank() + 1) + " axes");
        }
        d = x.shape().dim(i - 1);
      }
      if (d == -1 && infer < 0) {
        infer = i - 1;
        continue;
      }
      if (d <= 0 || d > Integer.MAX_VALUE) {
        throw n.refuse("reshapes to " + Arrays.toString(shape) + ": axis " + i + " of size " + d + " cannot be read "
            + "(at most one -1, the batch axis aside; no batch-dependent sizes)");
      }
      dims[i - 1] = (int) d;
      known *= d;
    }
    if (infer >= 0) {
      if (known == 0 || x.shape().size() % known != 0) {
        throw n.refuse("reshapes " + x.shape() + " to " + Arrays.toString(shape) + ": the sizes do not divide");
      }
      dims[infer] = (int) (x.shape().size() / known);
    }
    TensorShape target = new TensorShape(dims);
    if (target.equals(x.shape())) {
      bindOrAlias(g, n, x, x);
    } else {
      g.bind(n.output(), g.addOperation(n, dims.length == 1 ? new FlattenLayer() : new ReshapeLayer(dims), List.of(x)));
    }
  }

  static void transpose(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    long[] perm = n.integers("perm").orElseThrow(() -> n.refuse("reverses every axis, the batch axis too: Prunus "
        + "keeps the batch axis first"));
    if (perm.length != x.shape().rank() + 1 || perm[0] != 0) {
      throw n.refuse("permutes the axes as " + Arrays.toString(perm) + ": Prunus keeps the batch axis first");
    }
    int[] p = new int[perm.length - 1];
    for (int i = 1; i < perm.length; i++) {
      p[i - 1] = (int) perm[i] - 1;
    }
    try {
      g.bind(n.output(), g.addOperation(n, new TransposeLayer(p), List.of(x)));
    } catch (IllegalArgumentException e) {
      throw n.refuse("has perm " + Arrays.toString(perm) + ", which is not a permutation");
    }
  }

  private static void bindOrAlias(ImportGraph g, OnnxNode n, Flow out, Flow in) {
    if (out == in) {
      g.alias(n, n.output(), n.requireInput(0));
    } else {
      g.bind(n.output(), out);
    }
  }

  /** ONNX axis {@code axis} of a tensor of {@code exampleRank} axes per example, as a per-example axis. */
  private static int exampleAxis(OnnxNode n, long axis, int exampleRank, String what) {
    long a = axis < 0 ? axis + exampleRank + 1 : axis;
    if (a <= 0 || a > exampleRank) {
      throw n.refuse(what + " along axis " + axis + (a == 0 ? ", the batch axis: Prunus imports operations on each "
          + "example, not across examples" : ", which its input does not have"));
    }
    return (int) a - 1;
  }

  private static int clamp(long index, int dim) {
    long i = index < 0 ? index + dim : index;
    return (int) Math.max(0, Math.min(dim, i));
  }

  private static long[] rangeOf(int n) {
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  private static long[] ones(int n) {
    long[] r = new long[n];
    Arrays.fill(r, 1);
    return r;
  }
}
