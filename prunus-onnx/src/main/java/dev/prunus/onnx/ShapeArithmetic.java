package dev.prunus.onnx;

import dev.prunus.onnx.ImportGraph.Flow;
import dev.prunus.onnx.proto.OnnxProto.AttributeProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Evaluates, while the graph is read, the nodes whose values are known then: Constant, and the shape
 * arithmetic exporters write around reshapes and splits (PyTorch 1.13 computes {@code chunk}'s bounds as
 * Shape, Gather, Add, Div, Mul). Shape gives the batch size where the file fixes it and
 * {@link ConstantValue#UNKNOWN_BATCH} where it is dynamic. Each result is a {@link ConstantValue}; no
 * Prunus node is made.
 */
final class ShapeArithmetic {
  /** Operations evaluated when every input is a constant (Shape: when its input's shape is known). */
  static final Set<String> FOLDED = Set.of("Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Add", "Sub",
      "Mul", "Div", "Cast", "Slice");

  private ShapeArithmetic() {}

  /** True when {@code n} can be evaluated now: a Constant or Shape, or a folded op of constants. */
  static boolean canFold(ImportGraph g, OnnxNode n) {
    if (n.opType().equals("Constant") || n.opType().equals("Shape")) {
      return true;
    }
    return FOLDED.contains(n.opType()) && !n.inputs().isEmpty()
        && n.inputs().stream().allMatch(i -> i.isEmpty() || g.isConstant(i));
  }

  static void fold(ImportGraph g, OnnxNode n) {
    String out = n.output();
    ConstantValue c = switch (n.opType()) {
      case "Constant" -> constant(n, out);
      case "Shape" -> shape(g, n, out);
      case "Gather" -> gather(g, n, out);
      case "Unsqueeze", "Squeeze" -> squeeze(g, n, out);
      case "Concat" -> concat(g, n, out);
      case "Add", "Sub", "Mul", "Div" -> arithmetic(g, n, out);
      case "Cast" -> cast(g, n, out);
      case "Slice" -> slice(g, n, out);
      default -> throw new IllegalArgumentException(n.opType());
    };
    g.putConstant(c);
  }

  private static ConstantValue constant(OnnxNode n, String out) {
    AttributeProto a = n.proto().getAttributeCount() == 1 ? n.proto().getAttribute(0) : null;
    if (a == null) {
      throw n.refuse("has " + n.proto().getAttributeCount() + " attributes; a Constant has one value");
    }
    return switch (a.getName()) {
      case "value" -> ConstantValue.decode(a.getT(), out).named(out);
      case "value_float" -> ConstantValue.ofFloats(out, new long[0], a.getF());
      case "value_floats" -> ConstantValue.ofFloats(out, new long[] {a.getFloatsCount()},
          toFloats(a.getFloatsList()));
      case "value_int" -> ConstantValue.ofLongs(out, new long[0], a.getI());
      case "value_ints" -> ConstantValue.vector(out, a.getIntsList().stream().mapToLong(Long::longValue).toArray());
      default -> throw n.refuse("holds a constant of kind " + a.getName() + ": Prunus reads tensors and numbers");
    };
  }

  private static ConstantValue shape(ImportGraph g, OnnxNode n, String out) {
    Flow x = g.flow(n, 0);
    int[] dims = x.shape().dims();
    long[] all = new long[dims.length + 1];
    all[0] = g.batch();
    for (int i = 0; i < dims.length; i++) {
      all[i + 1] = dims[i];
    }
    int start = (int) normalize(n.integer("start", 0), all.length);
    int end = (int) normalize(n.integer("end", all.length), all.length);
    return ConstantValue.vector(out, Arrays.copyOfRange(all, start, Math.max(start, end)));
  }

  private static ConstantValue gather(ImportGraph g, OnnxNode n, String out) {
    ConstantValue data = g.requireConstant(n, 0, "data");
    ConstantValue indices = g.requireConstant(n, 1, "indices");
    if (data.shape().length != 1 || n.integer("axis", 0) != 0) {
      throw n.refuse("gathers from a constant of shape " + Arrays.toString(data.shape()) + ": Prunus folds gathers "
          + "from 1-D shapes only");
    }
    long[] from = data.asLongs();
    long[] idx = indices.asLongs();
    long[] v = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      v[i] = from[(int) normalize(idx[i], from.length)];
    }
    return data.floats() != null ? ConstantValue.ofFloats(out, indices.shape(), toFloats(v))
        : ConstantValue.ofLongs(out, indices.shape(), v);
  }

  private static ConstantValue squeeze(ImportGraph g, OnnxNode n, String out) {
    ConstantValue data = g.requireConstant(n, 0, "data");
    long[] axes = n.input(1).isPresent() ? g.requireConstant(n, 1, "axes").asLongs() : n.integers("axes").orElse(null);
    List<Long> shape = new ArrayList<>();
    for (long d : data.shape()) {
      shape.add(d);
    }
    if (n.opType().equals("Unsqueeze")) {
      if (axes == null) {
        throw n.refuse("has no axes");
      }
      long[] sorted = Arrays.stream(axes).map(a -> normalize(a, shape.size() + axes.length)).sorted().toArray();
      for (long a : sorted) {
        shape.add((int) a, 1L);
      }
    } else if (axes == null) {
      shape.removeIf(d -> d == 1);
    } else {
      long[] sorted = Arrays.stream(axes).map(a -> normalize(a, shape.size())).sorted().toArray();
      for (int i = sorted.length - 1; i >= 0; i--) {
        shape.remove((int) sorted[i]);
      }
    }
    long[] s = shape.stream().mapToLong(Long::longValue).toArray();
    return new ConstantValue(out, s, data.floats(), data.longs());
  }

  private static ConstantValue concat(ImportGraph g, OnnxNode n, String out) {
    List<Long> v = new ArrayList<>();
    for (int i = 0; i < n.inputs().size(); i++) {
      ConstantValue c = g.requireConstant(n, i, "input");
      if (c.shape().length > 1) {
        throw n.refuse("concatenates constants of shape " + Arrays.toString(c.shape()) + ": Prunus folds 1-D shapes only");
      }
      for (long x : c.asLongs()) {
        v.add(x);
      }
    }
    return ConstantValue.vector(out, v.stream().mapToLong(Long::longValue).toArray());
  }

  private static ConstantValue arithmetic(ImportGraph g, OnnxNode n, String out) {
    ConstantValue a = g.requireConstant(n, 0, "operand");
    ConstantValue b = g.requireConstant(n, 1, "operand");
    int size = Math.max(a.size(), b.size());
    if (a.size() != size && a.size() != 1 || b.size() != size && b.size() != 1) {
      throw n.refuse("combines constants of shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
          + ": Prunus folds arithmetic of equal shapes or with a scalar");
    }
    long[] shape = a.size() >= b.size() ? a.shape() : b.shape();
    if (a.floats() != null || b.floats() != null) {
      float[] x = a.asFloats();
      float[] y = b.asFloats();
      float[] v = new float[size];
      for (int i = 0; i < size; i++) {
        float p = x[a.size() == 1 ? 0 : i];
        float q = y[b.size() == 1 ? 0 : i];
        v[i] = switch (n.opType()) {
          case "Add" -> p + q;
          case "Sub" -> p - q;
          case "Mul" -> p * q;
          default -> p / q;
        };
      }
      return ConstantValue.ofFloats(out, shape, v);
    }
    long[] x = a.longs();
    long[] y = b.longs();
    long[] v = new long[size];
    for (int i = 0; i < size; i++) {
      long p = x[a.size() == 1 ? 0 : i];
      long q = y[b.size() == 1 ? 0 : i];
      if (p == ConstantValue.UNKNOWN_BATCH || q == ConstantValue.UNKNOWN_BATCH) {
        v[i] = ConstantValue.UNKNOWN_BATCH;
        continue;
      }
      if (n.opType().equals("Div") && q == 0) {
        throw n.refuse("divides by zero");
      }
      v[i] = switch (n.opType()) {
        case "Add" -> p + q;
        case "Sub" -> p - q;
        case "Mul" -> p * q;
        default -> p / q; // ONNX's integer Div truncates, as Java's
      };
    }
    return ConstantValue.ofLongs(out, shape, v);
  }

  private static ConstantValue cast(ImportGraph g, OnnxNode n, String out) {
    ConstantValue c = g.requireConstant(n, 0, "input");
    long to = n.integer("to", 0);
    if (to == TensorProto.DataType.FLOAT_VALUE) {
      return ConstantValue.ofFloats(out, c.shape(), c.asFloats());
    }
    if (to == TensorProto.DataType.INT64_VALUE || to == TensorProto.DataType.INT32_VALUE) {
      return ConstantValue.ofLongs(out, c.shape(), c.asLongs());
    }
    throw n.refuse("casts a constant to " + TensorProto.DataType.forNumber((int) to) + ": Prunus folds casts to float32 "
        + "and integers only");
  }

  private static ConstantValue slice(ImportGraph g, OnnxNode n, String out) {
    ConstantValue data = g.requireConstant(n, 0, "data");
    if (data.shape().length != 1 || n.input(3).isPresent() && g.requireConstant(n, 3, "axes").asLongs()[0] != 0) {
      throw n.refuse("slices a constant of shape " + Arrays.toString(data.shape()) + ": Prunus folds 1-D slices only");
    }
    long[] v = data.asLongs();
    int start = (int) Math.max(0, Math.min(v.length, normalize(g.requireConstant(n, 1, "starts").asLongs()[0], v.length)));
    long e = g.requireConstant(n, 2, "ends").asLongs()[0];
    int end = (int) Math.max(0, Math.min(v.length, e < 0 ? e + v.length : e));
    long step = n.input(4).isPresent() ? g.requireConstant(n, 4, "steps").asLongs()[0] : 1;
    if (step != 1) {
      throw n.refuse("slices a constant with step " + step + ": Prunus folds step 1 only");
    }
    return ConstantValue.vector(out, Arrays.copyOfRange(v, start, Math.max(start, end)));
  }

  private static long normalize(long index, int size) {
    return index < 0 ? index + size : index;
  }

  private static float[] toFloats(List<Float> values) {
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return v;
  }

  private static float[] toFloats(long[] values) {
    float[] v = new float[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i];
    }
    return v;
  }
}
