package dev.prunus.onnx;

import com.google.protobuf.ByteString;
import dev.prunus.onnx.proto.OnnxProto.AttributeProto;
import dev.prunus.onnx.proto.OnnxProto.GraphProto;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import dev.prunus.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import dev.prunus.onnx.proto.OnnxProto.TensorShapeProto;
import dev.prunus.onnx.proto.OnnxProto.TypeProto;
import dev.prunus.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Small ONNX models written node by node for the tests, as an exporter would (ONNX Runtime runs them). */
final class OnnxGraphBuilder {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final int opset;
  private final SplittableRandom random = new SplittableRandom(42);
  private int nodes;

  OnnxGraphBuilder(int opset) {
    this.opset = opset;
  }

  /** A float32 input; each dim a Long (fixed) or a String (symbolic). */
  OnnxGraphBuilder input(String name, Object... dims) {
    graph.addInput(value(name, dims));
    return this;
  }

  OnnxGraphBuilder output(String name, Object... dims) {
    graph.addOutput(value(name, dims));
    return this;
  }

  /** An initializer of random values in [-1, 1). */
  OnnxGraphBuilder random(String name, long... shape) {
    float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (2 * random.nextDouble() - 1);
    }
    return floats(name, shape, v);
  }

  /** An initializer of random values in [0.5, 1.5): batch-norm scales and variances. */
  OnnxGraphBuilder positive(String name, long... shape) {
    float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (0.5 + random.nextDouble());
    }
    return floats(name, shape, v);
  }

  OnnxGraphBuilder floats(String name, long[] shape, float... values) {
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addAllDims(Arrays.stream(shape).boxed().toList()).addAllFloatData(boxed(values)));
    return this;
  }

  OnnxGraphBuilder longs(String name, long... values) {
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(values.length).addAllInt64Data(Arrays.stream(values).boxed().toList()));
    return this;
  }

  /** A scalar int64 initializer (no dims), as exporters write gather indices. */
  OnnxGraphBuilder scalar(String name, long value) {
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
        .addInt64Data(value));
    return this;
  }

  /** A node named {@code name} (empty for none) of {@code op}, reading {@code inputs}, making {@code outputs}. */
  OnnxGraphBuilder node(String name, String op, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addAllOutput(outputs)
        .addAllAttribute(List.of(attributes)));
    nodes++;
    return this;
  }

  /** A one-output node named after its op and position. */
  OnnxGraphBuilder node(String op, List<String> inputs, String output, AttributeProto... attributes) {
    return node(op + "_" + nodes, op, inputs, List.of(output), attributes);
  }

  ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("test").setProducerVersion("1")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
  }

  Path write(Path file) {
    try {
      Files.write(file, build().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static AttributeProto ints(String name, long... values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
        .addAllInts(Arrays.stream(values).boxed().toList()).build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  static AttributeProto text(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }

  private static ValueInfoProto value(String name, Object... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      s.addDim(d instanceof String p ? TensorShapeProto.Dimension.newBuilder().setDimParam(p)
          : TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
  }

  private static List<Float> boxed(float[] values) {
    Float[] b = new Float[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = values[i];
    }
    return List.of(b);
  }
}
