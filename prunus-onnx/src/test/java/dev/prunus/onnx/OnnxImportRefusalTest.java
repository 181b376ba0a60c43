package dev.prunus.onnx;

import static dev.prunus.onnx.OnnxGraphBuilder.integer;
import static dev.prunus.onnx.OnnxGraphBuilder.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the importer refuses, and that each refusal is an {@link InvalidInputException} (exit 2) whose
 * message names the node or input, the rule and the way out.
 */
class OnnxImportRefusalTest {
  /** x [N, 2, 4, 4] -> OP -> global pool -> flatten -> out [N, 2]. */
  private static OnnxGraphBuilder around(int opset, String op, List<String> extraInputs, Object... attributes) {
    OnnxGraphBuilder b = new OnnxGraphBuilder(opset).input("x", "N", 2, 4, 4);
    List<String> in = new java.util.ArrayList<>(List.of("x"));
    in.addAll(extraInputs);
    b.node("/block/" + op, op, in, List.of("y"),
        Arrays.stream(attributes).map(a -> (dev.prunus.onnx.proto.OnnxProto.AttributeProto) a)
            .toArray(dev.prunus.onnx.proto.OnnxProto.AttributeProto[]::new));
    return b.node("GlobalAveragePool", List.of("y"), "g").node("Flatten", List.of("g"), "out").output("out", "N", 2);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(ModelProto p) {
    return assertThatThrownBy(() -> OnnxImport.read(p, "test")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anUnsupportedOpIsNamedWithItsNodeAndTheSupportedOps() {
    ModelProto p = around(13, "LRN", List.of(), integer("size", 3)).node("/head/Upsample", "Upsample", List.of("g"),
        List.of("u")).build();
    refused(p).hasMessageContaining("node '/block/LRN' (LRN) is not supported (nor 1 more nodes; ops not supported: "
        + "LRN, Upsample). Prunus imports Conv, Gemm, MatMul, BatchNormalization, Relu, Clip");
  }

  @Test
  void anOpOfAnotherDomainIsRefused() {
    ModelProto ok = around(13, "Relu", List.of()).build();
    NodeProto custom = ok.getGraph().getNode(0).toBuilder().setDomain("com.microsoft").build();
    ModelProto p = ok.toBuilder().setGraph(ok.getGraph().toBuilder().setNode(0, custom)).build();
    refused(p).hasMessageContaining("node '/block/Relu' (Relu) of domain com.microsoft is not supported");
  }

  @Test
  void twoInputsOrTwoOutputsAreRefused() {
    refused(around(13, "Relu", List.of()).input("y2", "N", 2, 4, 4).build())
        .hasMessageContaining("the model has 2 inputs [x, y2]: Prunus imports a classifier with one input (the images)");
    refused(around(13, "Relu", List.of()).output("g", "N", 2, 1, 1).build())
        .hasMessageContaining("the model has 2 outputs [out, g]");
  }

  @Test
  void onlyTheBatchAxisMayBeDynamic() {
    ModelProto p = new OnnxGraphBuilder(13).input("images", "N", 3, "height", 8)
        .node("Flatten", List.of("images"), "out").output("out", "N", 24).build();
    refused(p).hasMessageContaining("the input 'images' has shape [N, 3, height, 8], whose axis 2 is dynamic or "
        + "unknown: only the batch axis may be; export the model with a fixed image size");
    ModelProto zeroBatch = new OnnxGraphBuilder(13).input("x", 0, 2, 2, 2).node("Flatten", List.of("x"), "out")
        .output("out", 0, 8).build();
    assertThat(OnnxImport.read(zeroBatch, "test").batch()).isNull();
    ModelProto flat = new OnnxGraphBuilder(13).input("x", "N", 784).node("Relu", List.of("x"), "out")
        .output("out", "N", 784).build();
    refused(flat).hasMessageContaining("the input 'x' has 2 axes [N, 784]: Prunus imports image classifiers whose "
        + "input is [N, C, H, W]");
  }

  @Test
  void filesThatAreNotWholeOnnxModelsAreRefusedNamingThem(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> OnnxImport.read(tmp.resolve("missing.onnx"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.onnx is not a file");
    Path text = Files.writeString(tmp.resolve("notes.onnx"), "these are not the weights you are looking for\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> OnnxImport.read(text)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(text.toString()).hasMessageContaining("is not an ONNX model");
    byte[] whole = new OnnxGraphBuilder(13).input("x", "N", 2, 4, 4).random("conv.weight", 2, 2, 3, 3)
        .node("Conv", List.of("x", "conv.weight"), "c", ints("pads", 1, 1, 1, 1))
        .node("GlobalAveragePool", List.of("c"), "g").node("Flatten", List.of("g"), "out").output("out", "N", 2)
        .build().toByteArray();
    Path cut = Files.write(tmp.resolve("cut.onnx"), Arrays.copyOf(whole, whole.length * 2 / 3));
    assertThatThrownBy(() -> OnnxImport.read(cut)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(cut.toString()).hasMessageContaining("cut short");
  }

  @Test
  void anOpsetOutsidePyTorchs113RangeIsRefused() {
    refused(around(9, "Relu", List.of()).build()).hasMessageContaining("the model uses ONNX opset 9: Prunus reads "
        + "opsets 11 to 17 (what PyTorch 1.13 writes); export it again with opset_version=13");
  }

  @Test
  void weightsTwoLayersShareAreRefused() {
    ModelProto p = new OnnxGraphBuilder(13).input("x", "N", 2, 4, 4).random("w", 2, 2, 1, 1)
        .node("/a/Conv", "Conv", List.of("x", "w"), List.of("a")).node("/b/Conv", "Conv", List.of("a", "w"), List.of("b"))
        .node("GlobalAveragePool", List.of("b"), "g").node("Flatten", List.of("g"), "out").output("out", "N", 2).build();
    refused(p).hasMessageContaining("node '/b/Conv' (Conv) reads the weight 'w', which another layer reads too");
  }

  @Test
  void operationsAcrossExamplesOrOnConstantsAreRefusedNamingTheNode() {
    refused(around(13, "Transpose", List.of(), ints("perm", 1, 0, 2, 3)).build())
        .hasMessageContaining("node '/block/Transpose' (Transpose) permutes the axes as [1, 0, 2, 3]: Prunus keeps the "
            + "batch axis first");
    refused(around(13, "Slice", List.of("s", "e", "a")).longs("s", 0).longs("e", 1).longs("a", 0).build())
        .hasMessageContaining("node '/block/Slice' (Slice) slices the batch axis");
    refused(around(13, "Reshape", List.of("shape")).longs("shape", 2, -1, 4, 4).build())
        .hasMessageContaining("whose first axis is not the batch");
    refused(around(13, "Add", List.of("c")).floats("c", new long[] {1}, 1f).build())
        .hasMessageContaining("node '/block/Add' (Add) applies its operation to the constant 'c'");
    refused(around(13, "Mul", List.of("c")).floats("c", new long[] {1, 2, 1, 1}, 0.5f, 1f).build())
        .hasMessageContaining("reads a product with a constant only as a 0/1 mask over the channels");
    refused(around(13, "Gather", List.of("i"), integer("axis", 1)).scalar("i", 0).build())
        .hasMessageContaining("node '/block/Gather' (Gather) is applied to a computed tensor: Prunus evaluates Gather "
            + "only on constant shapes");
  }

  @Test
  void paddingThatCannotBeExpressedExactlyIsRefused() {
    refused(around(13, "MaxPool", List.of(), ints("kernel_shape", 2, 2), ints("pads", 1, 1, 0, 0)).build())
        .hasMessageContaining("node '/block/MaxPool' (MaxPool) pads [1, 1, 0, 0] (top, left, bottom, right) with a 2x2 "
            + "window: Prunus's max pooling pads each axis the same on both sides");
    refused(around(13, "AveragePool", List.of(), ints("kernel_shape", 2, 2), ints("pads", 0, 0, 1, 1)).build())
        .hasMessageContaining("without counting the padding");
  }

  @Test
  void batchNormInTrainingModeAndExternalWeightsAreRefused() {
    OnnxGraphBuilder b = around(14, "BatchNormalization", List.of("s", "b", "m", "v"), integer("training_mode", 1));
    for (String n : List.of("s", "b", "m", "v")) {
      b.positive(n, 2);
    }
    refused(b.build()).hasMessageContaining("computes batch statistics (training mode): export the model in eval mode");
    ModelProto ok = around(13, "Conv", List.of("w")).random("w", 2, 2, 1, 1).build();
    TensorProto external = ok.getGraph().getInitializer(0).toBuilder().clearFloatData()
        .setDataLocation(TensorProto.DataLocation.EXTERNAL).build();
    refused(ok.toBuilder().setGraph(ok.getGraph().toBuilder().setInitializer(0, external)).build())
        .hasMessageContaining("tensor 'w' is stored outside the .onnx file (external data)");
  }
}
