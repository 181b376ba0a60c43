package dev.prunus.onnx;

import com.google.protobuf.UnsafeByteOperations;
import dev.prunus.io.AtomicFiles;
import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ClipLayer;
import dev.prunus.model.ConcatLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.HardSigmoidLayer;
import dev.prunus.model.HardSwishLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.Model;
import dev.prunus.model.MulLayer;
import dev.prunus.model.Node;
import dev.prunus.model.PadLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SigmoidLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.TensorShape;
import dev.prunus.model.TransposeLayer;
import dev.prunus.model.Weights;
import dev.prunus.onnx.proto.OnnxProto.AttributeProto;
import dev.prunus.onnx.proto.OnnxProto.GraphProto;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import dev.prunus.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import dev.prunus.onnx.proto.OnnxProto.TensorShapeProto;
import dev.prunus.onnx.proto.OnnxProto.TypeProto;
import dev.prunus.onnx.proto.OnnxProto.ValueInfoProto;
import dev.prunus.run.Versions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a Prunus {@link Model} as an ONNX file (opset {@value #OPSET}, one graph): the input
 * {@code input} of shape {@code [batch, C, H, W]} with a symbolic batch axis, one node per Prunus node
 * (a linear layer is a Gemm, a masked channel gate a Mul by its 0/1 mask, an unmasked one an Identity), and
 * the weights as initializers named as PyTorch names them ({@link PyTorchNames}). Masked weights are
 * written as the zeros they are; a compacted model is written with its smaller shapes. ONNX Runtime runs
 * what this writes (the tests check it computes what Prunus does).
 */
public final class OnnxExport {
  /** The operator set written: 14, the first with HardSwish. */
  public static final int OPSET = 14;

  private final Model model;
  private final GraphProto.Builder graph = GraphProto.newBuilder();

  private OnnxExport(Model model) {
    this.model = model;
  }

  /** {@code model} as an ONNX model message. */
  public static ModelProto toProto(Model model) {
    return new OnnxExport(model).build();
  }

  /** Writes {@code model} to {@code file} atomically: a reader sees the old file or the whole new one. */
  public static void write(Model model, Path file) {
    ModelProto proto = toProto(model);
    AtomicFiles.write(file, proto::writeTo);
  }

  private ModelProto build() {
    Architecture a = model.architecture();
    Weights weights = model.masks().apply(model.weights());
    graph.setName(a.name());
    graph.addInput(valueInfo(Architecture.INPUT, TensorShape.of(a.input())));
    for (Node n : a.nodes()) {
      node(n, weights);
    }
    graph.addOutput(valueInfo(a.output(), a.shape(a.output())));
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("prunus")
        .setProducerVersion(Versions.prunus())
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  private void node(Node n, Weights weights) {
    Layer l = n.layer();
    List<String> in = new ArrayList<>(n.inputs());
    NodeProto.Builder b = NodeProto.newBuilder().setName(n.name()).addOutput(n.name());
    if (l instanceof ConvLayer c) {
      b.setOpType("Conv").addAttribute(ints("kernel_shape", c.kernelH(), c.kernelW()))
          .addAttribute(ints("strides", c.strideH(), c.strideW()))
          .addAttribute(ints("pads", c.padH(), c.padW(), c.padH(), c.padW()))
          .addAttribute(ints("dilations", c.dilationH(), c.dilationW())).addAttribute(integer("group", c.groups()));
      in.add(parameter(c.weightName(), weights));
      if (c.bias()) {
        in.add(parameter(c.biasName(), weights));
      }
    } else if (l instanceof LinearLayer lin) {
      b.setOpType("Gemm").addAttribute(integer("transB", 1));
      in.add(parameter(lin.weightName(), weights));
      if (lin.bias()) {
        in.add(parameter(lin.biasName(), weights));
      }
    } else if (l instanceof BatchNormLayer bn) {
      b.setOpType("BatchNormalization").addAttribute(real("epsilon", bn.epsilon()));
      for (String p : List.of(bn.gammaName(), bn.betaName(), bn.runningMeanName(), bn.runningVarName())) {
        in.add(parameter(p, weights));
      }
    } else if (l instanceof ReluLayer) {
      b.setOpType("Relu");
    } else if (l instanceof SigmoidLayer) {
      b.setOpType("Sigmoid");
    } else if (l instanceof HardSigmoidLayer h) {
      b.setOpType("HardSigmoid").addAttribute(real("alpha", h.alpha())).addAttribute(real("beta", h.beta()));
    } else if (l instanceof HardSwishLayer) {
      b.setOpType("HardSwish");
    } else if (l instanceof ClipLayer c) {
      b.setOpType("Clip");
      if (!Float.isInfinite(c.min()) || !Float.isInfinite(c.max())) {
        in.add(Float.isInfinite(c.min()) ? "" : constant(n.name() + ".min", new long[0], c.min()));
      }
      if (!Float.isInfinite(c.max())) {
        in.add(constant(n.name() + ".max", new long[0], c.max()));
      }
    } else if (l instanceof MaxPoolLayer p) {
      b.setOpType("MaxPool").addAttribute(ints("kernel_shape", p.kernelH(), p.kernelW()))
          .addAttribute(ints("strides", p.strideH(), p.strideW()))
          .addAttribute(ints("pads", p.padH(), p.padW(), p.padH(), p.padW()))
          .addAttribute(integer("ceil_mode", p.ceil() ? 1 : 0));
    } else if (l instanceof AvgPoolLayer p) {
      b.setOpType("AveragePool").addAttribute(ints("kernel_shape", p.kernelH(), p.kernelW()))
          .addAttribute(ints("strides", p.strideH(), p.strideW()))
          .addAttribute(ints("pads", p.padH(), p.padW(), p.padH(), p.padW()))
          .addAttribute(integer("ceil_mode", p.ceil() ? 1 : 0))
          .addAttribute(integer("count_include_pad", p.countPadding() ? 1 : 0));
    } else if (l instanceof GlobalAvgPoolLayer) {
      b.setOpType("GlobalAveragePool");
    } else if (l instanceof FlattenLayer) {
      b.setOpType("Flatten").addAttribute(integer("axis", 1));
    } else if (l instanceof ReshapeLayer r) {
      b.setOpType("Reshape");
      in.add(longs(n.name() + ".shape", prepend(0, r.dims())));
    } else if (l instanceof TransposeLayer t) {
      int[] perm = t.perm();
      long[] p = new long[perm.length + 1];
      for (int i = 0; i < perm.length; i++) {
        p[i + 1] = perm[i] + 1L;
      }
      b.setOpType("Transpose").addAttribute(ints("perm", p));
    } else if (l instanceof ConcatLayer c) {
      b.setOpType("Concat").addAttribute(integer("axis", c.axis() + 1));
    } else if (l instanceof SliceLayer s) {
      b.setOpType("Slice");
      in.add(longs(n.name() + ".starts", s.start()));
      in.add(longs(n.name() + ".ends", s.end()));
      in.add(longs(n.name() + ".axes", s.axis() + 1L));
      in.add(longs(n.name() + ".steps", s.step()));
    } else if (l instanceof PadLayer p) {
      b.setOpType("Pad").addAttribute(text("mode", "constant"));
      int rank = p.before().length + 1;
      long[] pads = new long[2 * rank];
      for (int i = 1; i < rank; i++) {
        pads[i] = p.before()[i - 1];
        pads[rank + i] = p.after()[i - 1];
      }
      in.add(longs(n.name() + ".pads", pads));
    } else if (l instanceof AddLayer) {
      b.setOpType("Add");
    } else if (l instanceof MulLayer) {
      b.setOpType("Mul");
    } else if (l instanceof ChannelGateLayer g) {
      gate(g, n, b, in);
    } else {
      throw new IllegalStateException("no ONNX form for " + l);
    }
    graph.addNode(b.addAllInput(in));
  }

  /** A masked gate multiplies by its mask, {@code [1, C, 1, ...]}; an unmasked one passes its input. */
  private void gate(ChannelGateLayer g, Node n, NodeProto.Builder b, List<String> in) {
    Mask m = model.masks().get(g.maskName());
    if (m == null) {
      b.setOpType("Identity");
      return;
    }
    long[] shape = new long[model.architecture().shape(n.name()).rank() + 1];
    Arrays.fill(shape, 1);
    shape[1] = g.channels();
    float[] v = new float[g.channels()];
    for (int i = 0; i < v.length; i++) {
      v[i] = m.keep()[i] ? 1f : 0f;
    }
    b.setOpType("Mul");
    in.add(constant(n.name() + ".mask", shape, v));
  }

  private String parameter(String name, Weights weights) {
    Tensor t = weights.get(name);
    return constant(PyTorchNames.of(name), t.shape(), t.data());
  }

  private String constant(String name, long[] shape, float... values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addAllDims(Arrays.stream(shape).boxed().toList())
        .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array())));
    return name;
  }

  private String longs(String name, long... values) {
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(values.length).addAllInt64Data(Arrays.stream(values).boxed().toList()));
    return name;
  }

  private static long[] prepend(long first, int[] rest) {
    long[] v = new long[rest.length + 1];
    v[0] = first;
    for (int i = 0; i < rest.length; i++) {
      v[i + 1] = rest[i];
    }
    return v;
  }

  private static ValueInfoProto valueInfo(String name, TensorShape shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (int d : shape.dims()) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
  }

  private static AttributeProto ints(String name, long... values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
        .addAllInts(Arrays.stream(values).boxed().toList()).build();
  }

  private static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  private static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  private static AttributeProto text(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
  }
}
