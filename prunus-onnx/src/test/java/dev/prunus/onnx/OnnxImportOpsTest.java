package dev.prunus.onnx;

import static dev.prunus.onnx.OnnxGraphBuilder.integer;
import static dev.prunus.onnx.OnnxGraphBuilder.ints;
import static dev.prunus.onnx.OnnxGraphBuilder.real;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.PadLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each ONNX form the importer reads, in small graphs written node by node, against ONNX Runtime on the
 * same graph: asymmetric padding, the pooling forms, Split/Slice/Pad/Reshape/Transpose with ONNX's index
 * rules, MatMul with its bias, squeeze-excitation's broadcast product, a channel mask, shape arithmetic.
 * The graphs are tiny, so the agreement asked is 1e-5 of the largest output.
 */
class OnnxImportOpsTest {
  private static final long MAX = Long.MAX_VALUE;

  /** Imports {@code proto}, runs it in Prunus and in ONNX Runtime on one input, and returns the model. */
  static Model agreesWithOnnxRuntime(ModelProto proto, int batch) {
    Model m = OnnxImport.read(proto, "test").model();
    FeatureShape in = m.architecture().input();
    float[] x = Forward.input(in, batch, 3);
    float[] ort = OrtOracle.run(proto.toByteArray(), x, batch, in.channels(), in.height(), in.width());
    assertThat(Forward.relativeDifference(Forward.logits(m, x, batch), ort)).isLessThan(1e-5);
    return m;
  }

  static List<Layer> layers(Model m) {
    return m.architecture().nodes().stream().map(Node::layer).toList();
  }

  @Test
  void asymmetricConvPaddingBecomesAnExplicitPadAndMaxPoolEndPaddingCeilMode() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "N", 3, 11, 9)
        .random("c1.weight", 4, 3, 3, 3).random("c1.bias", 4).random("fc.weight", 5, 4).random("fc.bias", 5)
        .node("Conv", List.of("x", "c1.weight", "c1.bias"), "y", ints("pads", 0, 1, 2, 1), ints("strides", 2, 1),
            ints("dilations", 1, 2), ints("kernel_shape", 3, 3))
        .node("MaxPool", List.of("y"), "z", ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", 0, 0, 1, 1))
        .node("GlobalAveragePool", List.of("z"), "g").node("Flatten", List.of("g"), "f", integer("axis", 1))
        .node("Gemm", List.of("f", "fc.weight", "fc.bias"), "out", integer("transB", 1)).output("out", "N", 5).build();
    Model m = agreesWithOnnxRuntime(p, 2);
    assertThat(layers(m)).contains(new PadLayer(new int[] {0, 0, 1}, new int[] {0, 2, 1}),
        new MaxPoolLayer(3, 3, 2, 2, 0, 0, true));
    assertThat(m.architecture().node("c1")).isNotNull();
    assertThat(m.architecture().node("fc").layer()).isEqualTo(new LinearLayer("fc", 4, 5, true));
  }

  @Test
  void batchNormActivationsAndAnAveragePoolCountingItsAsymmetricPadding() {
    ModelProto p = new OnnxGraphBuilder(14).input("x", "N", 4, 6, 6)
        .positive("bn.weight", 4).random("bn.bias", 4).random("bn.running_mean", 4).positive("bn.running_var", 4)
        .floats("lo", new long[0], 0f).floats("hi", new long[0], 0.6f)
        .node("BatchNormalization", List.of("x", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"), "b",
            real("epsilon", 1e-3f))
        .node("HardSwish", List.of("b"), "h")
        .node("AveragePool", List.of("h"), "a", ints("kernel_shape", 2, 2), ints("strides", 2, 2),
            ints("pads", 1, 1, 0, 0), integer("count_include_pad", 1))
        .node("Clip", List.of("a", "lo", "hi"), "c").node("HardSigmoid", List.of("c"), "s", real("alpha", 0.3f),
            real("beta", 0.4f))
        .node("Sigmoid", List.of("s"), "t")
        .node("ReduceMean", List.of("t"), "out", ints("axes", 2, 3), integer("keepdims", 0)).output("out", "N", 4)
        .build();
    Model m = agreesWithOnnxRuntime(p, 3);
    assertThat(m.weights().tensors()).containsKeys("bn.gamma", "bn.beta", "bn.running_mean", "bn.running_var");
    assertThat(layers(m)).contains(new PadLayer(new int[] {0, 1, 1}, new int[] {0, 0, 0}),
        new AvgPoolLayer(2, 2, 2, 2, 0, 0, false, true), new GlobalAvgPoolLayer(), new FlattenLayer());
  }

  @Test
  void splitConcatShuffleSlicesAndPadWithOnnxIndexRules() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", 1, 4, 4, 4)
        .random("conv.weight", 8, 4, 1, 1).longs("sizes", 3, 5).longs("group", 1, 2, 4, 4, 4)
        .longs("ungroup", 0, -1, 4, 4).longs("s1", 1).longs("e1", MAX).longs("a1", 1).longs("st1", 2)
        .longs("s2", -3).longs("e2", 4).longs("a2", 3).longs("pads", 0, 1, 0, 0, 0, 0, 1, 2)
        .node("Conv", List.of("x", "conv.weight"), "y")
        .node("", "Split", List.of("y", "sizes"), List.of("a", "b"), integer("axis", 1))
        .node("Relu", List.of("a"), "r").node("Concat", List.of("b", "r"), "c", integer("axis", 1))
        .node("Reshape", List.of("c", "group"), "g").node("Transpose", List.of("g"), "t", ints("perm", 0, 2, 1, 3, 4))
        .node("Reshape", List.of("t", "ungroup"), "u")
        .node("Slice", List.of("u", "s1", "e1", "a1", "st1"), "v").node("Slice", List.of("v", "s2", "e2", "a2"), "w")
        .node("Pad", List.of("w", "pads"), "p", OnnxGraphBuilder.text("mode", "constant"))
        .node("GlobalAveragePool", List.of("p"), "gp").node("Flatten", List.of("gp"), "out").output("out", 1, 5)
        .build();
    Model m = agreesWithOnnxRuntime(p, 1);
    assertThat(layers(m)).contains(new SliceLayer(0, 0, 3, 1), new SliceLayer(0, 3, 8, 1),
        new ReshapeLayer(new int[] {2, 4, 4, 4}), new SliceLayer(0, 1, 8, 2), new SliceLayer(2, 1, 4, 1),
        new PadLayer(new int[] {1, 0, 0}, new int[] {0, 1, 2}));
  }

  @Test
  void opset11FormsSplitAlongRowsAndClipWithoutBounds() {
    ModelProto p = new OnnxGraphBuilder(11).input("x", "N", 2, 6, 3)
        .node("", "Split", List.of("x"), List.of("a", "b"), integer("axis", 2), ints("split", 2, 4))
        .node("Clip", List.of("b"), "c").node("Concat", List.of("a", "c"), "d", integer("axis", -2))
        .node("Flatten", List.of("d"), "out").output("out", "N", 36).build();
    agreesWithOnnxRuntime(p, 2);
  }

  @Test
  void matMulAndItsBiasAddAreOneLinearLayerAndGemmReadsAnUntransposedWeight() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "N", 2, 3, 3)
        .random("fc1.weight", 18, 7).random("fc1.bias", 7).random("fc2.weight", 7, 4).random("fc2.bias", 4)
        .node("Flatten", List.of("x"), "f").node("MatMul", List.of("f", "fc1.weight"), "mm")
        .node("Add", List.of("fc1.bias", "mm"), "h").node("Relu", List.of("h"), "r")
        .node("Gemm", List.of("r", "fc2.weight", "fc2.bias"), "out").output("out", "N", 4).build();
    Model m = agreesWithOnnxRuntime(p, 2);
    assertThat(m.architecture().node("fc1").layer()).isEqualTo(new LinearLayer("fc1", 18, 7, true));
    assertThat(m.architecture().nodes()).hasSize(4);
  }

  @Test
  void squeezeExcitationResidualAddAndAChannelMaskConstant() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "N", 3, 5, 5)
        .random("conv.weight", 6, 3, 3, 3).random("se.fc.weight", 6, 6, 1, 1).random("se.fc.bias", 6)
        .floats("mask", new long[] {1, 6, 1, 1}, 1, 0, 1, 1, 0, 1)
        .node("Conv", List.of("x", "conv.weight"), "c", ints("pads", 1, 1, 1, 1))
        .node("Relu", List.of("c"), "r").node("GlobalAveragePool", List.of("r"), "g")
        .node("Conv", List.of("g", "se.fc.weight", "se.fc.bias"), "s").node("Sigmoid", List.of("s"), "sg")
        .node("Mul", List.of("r", "sg"), "e").node("gate", "Mul", List.of("mask", "e"), List.of("m"))
        .node("Add", List.of("m", "r"), "a").node("GlobalAveragePool", List.of("a"), "p")
        .node("Flatten", List.of("p"), "out").output("out", "N", 6).build();
    Model m = agreesWithOnnxRuntime(p, 2);
    assertThat(m.architecture().node("gate").layer()).isEqualTo(new ChannelGateLayer("gate", 6));
    assertThat(m.masks().get("gate_mask").keep()).containsExactly(true, false, true, true, false, true);
  }

  @Test
  void shapeArithmeticOnADynamicBatchFoldsIntoAFlatten() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "batch", 2, 3, 3)
        .scalar("zero", 0).longs("axes", 0).longs("rest", -1)
        .node("Shape", List.of("x"), "s").node("Gather", List.of("s", "zero"), "n", integer("axis", 0))
        .node("Unsqueeze", List.of("n", "axes"), "n1").node("Concat", List.of("n1", "rest"), "shape", integer("axis", 0))
        .node("Reshape", List.of("x", "shape"), "r").node("Dropout", List.of("r"), "d")
        .node("Identity", List.of("d"), "out").output("out", "batch", 18).build();
    Model m = agreesWithOnnxRuntime(p, 3);
    assertThat(layers(m)).containsExactly(new FlattenLayer());
  }

  @Test
  void anIdentityOfAnInitializerNamesTheWeightItGivesAndDeadNodesAreLeftOut() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "N", 2, 4, 4)
        .random("features.0.weight", 3, 2, 1, 1).random("features.0.bias", 3)
        .node("Identity", List.of("features.0.bias"), "features.1.bias")
        .random("features.1.weight", 3, 3, 1, 1)
        .node("/features/features.0/Conv", "Conv", List.of("x", "features.0.weight", "features.0.bias"), List.of("a"))
        .node("/features/features.1/Conv", "Conv", List.of("a", "features.1.weight", "features.1.bias"), List.of("b"))
        .node("/unused/Relu", "Relu", List.of("a"), List.of("dead"))
        .node("/pool/GlobalAveragePool", "GlobalAveragePool", List.of("b"), List.of("g"))
        .node("/Flatten", "Flatten", List.of("g"), List.of("out")).output("out", "N", 3).build();
    Model m = agreesWithOnnxRuntime(p, 1);
    assertThat(m.architecture().nodes()).extracting(Node::name)
        .containsExactly("features.0", "features.1", "pool.GlobalAveragePool", "Flatten");
    assertThat(m.weights().tensors()).containsOnlyKeys("features.0.weight", "features.0.bias", "features.1.weight",
        "features.1.bias");
  }
}
