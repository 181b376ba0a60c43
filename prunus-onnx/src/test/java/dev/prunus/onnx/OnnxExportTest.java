package dev.prunus.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.Architecture;
import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ClipLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.PadLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.TransposeLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.Scope;
import dev.prunus.prune.method.L1Structured;
import dev.prunus.prune.method.Magnitude;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prunus's ONNX export against ONNX Runtime: every zoo model (residual blocks lowered to slices, pads,
 * gates and adds), a masked one (its masked weights written as zeros, a shortcut gate's mask as a Mul) and
 * a compacted one compute in ONNX Runtime what they compute in Prunus; parameters are named as PyTorch
 * names them; and reading an export back gives the same network.
 */
class OnnxExportTest {
  /** {@code id}'s architecture with seeded weights and batch-norm statistics away from the identity. */
  static Model zoo(ModelId id) {
    var a = id.build();
    Weights w = Initialization.KAIMING_NORMAL.initialize(a, 5);
    SplittableRandom r = new SplittableRandom(6);
    Map<String, Tensor> t = new LinkedHashMap<>(w.tensors());
    t.replaceAll((name, v) -> {
      boolean scale = name.endsWith(".gamma") || name.endsWith(".running_var");
      boolean shift = name.endsWith(".beta") || name.endsWith(".running_mean");
      if (!scale && !shift) {
        return v;
      }
      float[] d = new float[v.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = (float) (scale ? 0.5 + r.nextDouble() : 0.2 * (r.nextDouble() - 0.5));
      }
      return new Tensor(v.shape(), d);
    });
    return new Model(a, new Weights(t));
  }

  static void runsInOnnxRuntimeAsInPrunus(Model m) {
    FeatureShape in = m.architecture().input();
    float[] x = Forward.input(in, 3, 9);
    float[] ort = OrtOracle.run(OnnxExport.toProto(m).toByteArray(), x, 3, in.channels(), in.height(), in.width());
    assertThat(Forward.relativeDifference(ort, Forward.logits(m, x, 3))).isLessThan(1e-5);
  }

  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyZooModelRunsInOnnxRuntimeAsInPrunus(ModelId id) {
    runsInOnnxRuntimeAsInPrunus(zoo(id));
  }

  /**
   * The pooling and slicing forms the zoo does not use, written by Prunus and run by ONNX Runtime: padded
   * windows with ceil rounding (average without the padding counted), rectangular strided and dilated grouped
   * convolutions, channel and spatial slices and pads, clips with one bound or none, a shuffle.
   */
  @Test
  void poolingSlicingAndClippingFormsRunInOnnxRuntimeAsInPrunus() {
    List<Node> nodes = List.of(
        new Node("conv", new ConvLayer("conv", 4, 8, 3, 2, 2, 1, 1, 0, 1, 2, 2, true), Architecture.INPUT),
        new Node("max", new MaxPoolLayer(3, 2, 2, 2, 1, 1, true), "conv"),
        new Node("avg", new AvgPoolLayer(3, 3, 2, 2, 1, 1, true, false), "max"),
        new Node("low", new ClipLayer(-0.5f, Float.POSITIVE_INFINITY), "avg"),
        new Node("none", new ClipLayer(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), "low"),
        new Node("group", new ReshapeLayer(new int[] {2, 4, 3, 3}), "none"),
        new Node("swap", new TransposeLayer(new int[] {1, 0, 2, 3}), "group"),
        new Node("shuffle", new ReshapeLayer(new int[] {8, 3, 3}), "swap"),
        new Node("odd", new SliceLayer(0, 1, 8, 2), "shuffle"),
        new Node("rows", new SliceLayer(1, 1, 3, 1), "odd"),
        new Node("pad", new PadLayer(new int[] {1, 0, 1}, new int[] {0, 2, 0}), "rows"),
        new Node("mean", new AvgPoolLayer(2, 2, 1, 1, 0, 0, false, true), "pad"),
        new Node("flat", new FlattenLayer(), "mean"));
    Architecture a = new Architecture("forms", new FeatureShape(4, 11, 10), 45, 1, nodes);
    runsInOnnxRuntimeAsInPrunus(new Model(a, Initialization.TORCH_DEFAULT.initialize(a, 2)));
  }

  @Test
  void maskedWeightsAreWrittenAsZerosAndAMaskedShortcutGateAsAMul() {
    Model dense = zoo(ModelId.RESNET20);
    Model masked = MaskApplier.apply(dense, Magnitude.builder().optScope(Scope.LAYER).build()
        .plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(0.3), 1)));
    ChannelGateLayer gate = (ChannelGateLayer) masked.architecture().nodes().stream().map(Node::layer)
        .filter(l -> l instanceof ChannelGateLayer).findFirst().orElseThrow();
    boolean[] keep = new boolean[gate.channels()];
    for (int i = 0; i < keep.length; i += 2) {
      keep[i] = true;
    }
    masked = masked.pruned(new Masks(Map.of(gate.maskName(), new Mask(new long[] {keep.length}, keep))));
    ModelProto p = OnnxExport.toProto(masked);
    runsInOnnxRuntimeAsInPrunus(masked);

    String weight = "layer1.0.conv1.weight";
    boolean[] kept = masked.masks().get(weight).keep();
    float[] written = floats(p, weight);
    int zeros = 0;
    for (int i = 0; i < kept.length; i++) {
      if (!kept[i]) {
        assertThat(written[i]).as("masked entry %d of %s", i, weight).isZero();
        zeros++;
      }
    }
    assertThat(zeros).isPositive();
    NodeProto gateNode = p.getGraph().getNodeList().stream().filter(n -> n.getName().equals(gate.name())).findFirst()
        .orElseThrow();
    assertThat(gateNode.getOpType()).isEqualTo("Mul");
    assertThat(floats(p, gateNode.getInput(1))).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0);
  }

  @Test
  void aCompactedModelIsWrittenWithItsSmallerShapes() {
    Model dense = zoo(ModelId.RESNET18);
    Model compact = Compactor.compact(MaskApplier.apply(dense,
        L1Structured.builder().optNorm(L1Structured.Norm.L1)
            .optCoupled(L1Structured.Coupled.TOGETHER).optLayers(LayerSelection.ALL).build()
            .plan(dense, PruningContext.withoutData(PruningTarget.ofSparsity(0.5), 1))));
    ModelProto p = OnnxExport.toProto(compact);
    TensorProto conv = p.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("layer1.0.conv1.weight"))
        .findFirst().orElseThrow();
    assertThat(conv.getDimsList()).isEqualTo(java.util.Arrays.stream(compact.weights().get("layer1.0.conv1.weight")
        .shape()).boxed().toList());
    assertThat(conv.getDims(0)).isLessThan(dense.weights().get("layer1.0.conv1.weight").shape()[0]);
    runsInOnnxRuntimeAsInPrunus(compact);
  }

  @Test
  void batchNormParametersTakePyTorchsNamesAndComeBackAsGammaAndBeta(@TempDir Path tmp) throws Exception {
    Model m = zoo(ModelId.RESNET20);
    Path file = tmp.resolve("resnet20.onnx");
    OnnxExport.write(m, file);
    ModelProto p = OnnxFile.read(file);
    assertThat(p.getGraph().getInitializerList()).extracting(TensorProto::getName)
        .contains("bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "conv1.weight")
        .noneMatch(n -> n.endsWith(".gamma") || n.endsWith(".beta"));
    assertThat(p.getOpsetImport(0).getVersion()).isEqualTo(OnnxExport.OPSET);
    assertThat(p.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam()).isEqualTo("batch");

    Model back = OnnxImport.read(file).model();
    assertThat(back.weights().tensors().keySet()).containsExactlyInAnyOrderElementsOf(m.weights().tensors().keySet());
    for (String name : m.weights().tensors().keySet()) {
      assertThat(back.weights().get(name)).as(name).isEqualTo(m.weights().get(name));
    }
    FeatureShape in = m.architecture().input();
    float[] x = Forward.input(in, 2, 4);
    assertThat(Forward.logits(back, x, 2)).containsExactly(Forward.logits(m, x, 2));
    assertThat(Files.list(tmp).map(f -> f.getFileName().toString()).toList()).containsExactly("resnet20.onnx");
  }

  static float[] floats(ModelProto p, String initializer) {
    TensorProto t = p.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(initializer)).findFirst()
        .orElseThrow();
    ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return v;
  }
}
