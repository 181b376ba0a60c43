package dev.prunus.onnx;

import dev.prunus.InvalidInputException;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor whose values are known when the graph is read: an initializer, the value of a Constant node,
 * or shape arithmetic folded from them ({@link ShapeArithmetic}). Floats ({@code FLOAT}) or integers
 * ({@code INT64}, {@code INT32}); exactly one of {@code floats} and {@code longs} is non-null. An integer
 * may be {@link #UNKNOWN_BATCH}: the batch size of a graph whose batch axis is dynamic, which only a
 * Reshape's first axis may use.
 *
 * @param name the ONNX name it has in the graph (an initializer keeps its own)
 * @param shape its dimensions (empty for a scalar)
 */
record ConstantValue(String name, long[] shape, float[] floats, long[] longs) {
  /** Stands for the batch size where it is dynamic; any arithmetic on it gives it again. */
  static final long UNKNOWN_BATCH = Long.MIN_VALUE;

  ConstantValue {
    shape = shape.clone();
    if ((floats == null) == (longs == null)) {
      throw new IllegalArgumentException("a constant holds floats or integers");
    }
  }

  static ConstantValue ofLongs(String name, long[] shape, long... values) {
    return new ConstantValue(name, shape, null, values);
  }

  static ConstantValue ofFloats(String name, long[] shape, float... values) {
    return new ConstantValue(name, shape, values, null);
  }

  /** A 1-D integer constant. */
  static ConstantValue vector(String name, long... values) {
    return ofLongs(name, new long[] {values.length}, values);
  }

  /**
   * Decodes an initializer or a Constant node's tensor: float32 or int64/int32 data, from {@code raw_data}
   * (little-endian) or the typed fields.
   *
   * @throws InvalidInputException for another data type, external data, or data that do not fill the shape
   */
  static ConstantValue decode(TensorProto t, String name) {
    long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new InvalidInputException("tensor '" + name + "' is stored outside the .onnx file (external data): save "
          + "the model with every tensor inside it (onnx.save(model, path, save_as_external_data=False))");
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException("tensor '" + name + "' holds " + count + " values, more than a Java array can");
    }
    ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    int type = t.getDataType();
    ConstantValue c;
    if (type == TensorProto.DataType.FLOAT_VALUE) {
      float[] v = new float[(int) count];
      if (!t.getRawData().isEmpty()) {
        requireBytes(name, raw.remaining(), count, 4);
        raw.asFloatBuffer().get(v);
      } else {
        requireValues(name, t.getFloatDataCount(), count);
        for (int i = 0; i < v.length; i++) {
          v[i] = t.getFloatData(i);
        }
      }
      c = ofFloats(name, shape, v);
    } else if (type == TensorProto.DataType.INT64_VALUE || type == TensorProto.DataType.INT32_VALUE) {
      long[] v = new long[(int) count];
      boolean wide = type == TensorProto.DataType.INT64_VALUE;
      if (!t.getRawData().isEmpty()) {
        requireBytes(name, raw.remaining(), count, wide ? 8 : 4);
        for (int i = 0; i < v.length; i++) {
          v[i] = wide ? raw.getLong() : raw.getInt();
        }
      } else {
        requireValues(name, wide ? t.getInt64DataCount() : t.getInt32DataCount(), count);
        for (int i = 0; i < v.length; i++) {
          v[i] = wide ? t.getInt64Data(i) : t.getInt32Data(i);
        }
      }
      c = ofLongs(name, shape, v);
    } else {
      throw new InvalidInputException("tensor '" + name + "' has data type "
          + TensorProto.DataType.forNumber(type) + ": Prunus reads float32 weights and int64/int32 shapes; convert "
          + "the model to float32 first");
    }
    return c;
  }

  private static void requireBytes(String name, int bytes, long count, int width) {
    if (bytes != count * width) {
      throw new InvalidInputException("tensor '" + name + "' holds " + bytes + " bytes for " + count + " values of "
          + width + " bytes: the file is truncated or corrupt");
    }
  }

  private static void requireValues(String name, int values, long count) {
    if (values != count) {
      throw new InvalidInputException("tensor '" + name + "' holds " + values + " values for its " + count
          + ": the file is truncated or corrupt");
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  int size() {
    return floats != null ? floats.length : longs.length;
  }

  boolean isScalarLike() {
    return size() == 1;
  }

  /** The values as integers (a float constant must hold whole numbers). */
  long[] asLongs() {
    if (longs != null) {
      return longs.clone();
    }
    long[] out = new long[floats.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) floats[i];
    }
    return out;
  }

  /** The values as floats. */
  float[] asFloats() {
    if (floats != null) {
      return floats;
    }
    float[] out = new float[longs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = longs[i];
    }
    return out;
  }

  /** This constant under another name (an Identity of it). */
  ConstantValue named(String other) {
    return new ConstantValue(other, shape, floats, longs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstantValue c && name.equals(c.name) && Arrays.equals(shape, c.shape)
        && Arrays.equals(floats, c.floats) && Arrays.equals(longs, c.longs);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "ConstantValue[" + name + " " + Arrays.toString(shape) + "]";
  }
}
