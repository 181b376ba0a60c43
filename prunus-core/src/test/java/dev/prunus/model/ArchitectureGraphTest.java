package dev.prunus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph form of an architecture: lowering of the sequential vocabulary, shapes, JSON, refusals. */
class ArchitectureGraphTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aResidualBlockLowersToItsBranchItsShortcutAGateAndAnAdd() {
    Architecture a = ModelId.RESNET20.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 1, List.of()));
    assertThat(a.nodes().get(0).layer()).isEqualTo(PadLayer.spatial(2));
    Node add = a.node("layer2.0");
    assertThat(add.layer()).isInstanceOf(AddLayer.class);
    assertThat(add.inputs()).containsExactly("layer2.0.bn2", "layer2.0.shortcut");
    Node gate = a.node("layer2.0.shortcut");
    assertThat(gate.layer()).isEqualTo(new ChannelGateLayer("layer2.0.shortcut", 32));
    // option A: x[:, :, ::2, ::2] as two slices, then 8 zero channels before and 8 after
    Node pad = a.node(gate.input());
    assertThat(pad.layer()).isEqualTo(PadLayer.channels(8, 8));
    Node cols = a.node(pad.input());
    Node rows = a.node(cols.input());
    assertThat(cols.layer()).isEqualTo(new SliceLayer(2, 0, 32, 2));
    assertThat(rows.layer()).isEqualTo(new SliceLayer(1, 0, 32, 2));
    assertThat(rows.input()).isEqualTo("relu_" + a.nodes().indexOf(a.node(rows.input())));
    assertThat(a.shape("layer2.0")).isEqualTo(TensorShape.of(32, 16, 16));
    assertThat(a.shortcutMaskShapes()).hasSize(9).containsKey("layer3.2.shortcut_mask");
    assertThat(a.shape(a.output())).isEqualTo(TensorShape.of(10));
  }

  @Test
  void aProjectionShortcutIsItsConvAndBatchNorm() {
    Architecture a = ModelId.RESNET18.build(new ModelOptions(new FeatureShape(3, 32, 32), 10, 0.125, List.of()));
    assertThat(a.node("layer2.0.shortcut").input()).isEqualTo("layer2.0.shortcut.bn");
    assertThat(a.node("layer2.0.shortcut.bn").input()).isEqualTo("layer2.0.shortcut.conv");
    assertThat(a.prunableLayers()).extracting(PrunableLayer::name)
        .containsSubsequence("layer2.0.conv1", "layer2.0.conv2", "layer2.0.shortcut.conv", "layer2.1.conv1");
  }

  @Test
  void jsonKeepsTheGraphAndReadsFilesWrittenBeforeIt() throws Exception {
    for (ModelId m : ModelId.values()) {
      Architecture a = m.build();
      ObjectNode json = JSON.valueToTree(a);
      assertThat(json.has("layers")).isFalse();
      assertThat(JSON.treeToValue(json, Architecture.class)).as(m.cliName()).isEqualTo(a);
    }
  }

  /** A model file of an earlier Prunus holds the sequential form: it reads as the same graph. */
  @Test
  void aFileWrittenBeforeTheGraphReadsAsTheSameGraph() throws Exception {
    String old = "{\"name\":\"res\",\"input\":{\"channels\":2,\"height\":4,\"width\":4},\"numClasses\":2,"
        + "\"width\":1.0,\"layers\":[{\"type\":\"zero_pad\",\"padding\":1},"
        + "{\"type\":\"residual\",\"name\":\"b\",\"branch\":[{\"type\":\"conv\",\"name\":\"c\",\"inChannels\":2,"
        + "\"outChannels\":4,\"kernel\":3,\"stride\":2,\"padding\":1,\"bias\":false}],"
        + "\"shortcut\":{\"type\":\"zero_pad\",\"stride\":2,\"padBefore\":1,\"padAfter\":1}},"
        + "{\"type\":\"relu\"},{\"type\":\"global_avg_pool\"},{\"type\":\"flatten\"},"
        + "{\"type\":\"linear\",\"name\":\"fc\",\"inFeatures\":4,\"outFeatures\":2,\"bias\":true}]}";
    Architecture a = JSON.readValue(old, Architecture.class);
    assertThat(a).isEqualTo(Architecture.sequential("res", new FeatureShape(2, 4, 4), 2, 1, List.of(
        new ZeroPadLayer(1),
        new ResidualBlock("b", List.of(new ConvLayer("c", 2, 4, 3, 2, 1, false)), new Shortcut.ZeroPad(2, 1, 1)),
        new ReluLayer(), new GlobalAvgPoolLayer(), new FlattenLayer(), new LinearLayer("fc", 4, 2, true))));
    assertThat(a.nodes()).extracting(Node::name).containsExactly("pad_0", "c", "slice_2", "slice_3", "pad_4",
        "b.shortcut", "b", "relu_7", "global_avg_pool_8", "flatten_9", "fc");
  }

  @Test
  void aGraphThatDoesNotFitIsRefusedNamingTheNode() {
    FeatureShape in = new FeatureShape(1, 2, 2);
    LinearLayer fc = new LinearLayer("fc", 4, 3, true);
    assertThatThrownBy(() -> new Architecture("g", in, 3, 1, List.of(new Node("fc", fc, "nowhere"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("node fc of g reads tensor 'nowhere'");
    assertThatThrownBy(() -> new Architecture("g", in, 3, 1, List.of(new Node("fc", fc, "input"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("node fc of g: layer fc expects 4 flat");
    List<Node> twice = List.of(new Node("flat", new FlattenLayer(), "input"), new Node("flat", new ReluLayer(), "flat"),
        new Node("fc", fc, "flat"));
    assertThatThrownBy(() -> new Architecture("g", in, 3, 1, twice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("two tensors named 'flat'");
    List<Node> mismatch = List.of(new Node("flat", new FlattenLayer(), "input"), new Node("fc", fc, "flat"),
        new Node("sum", new AddLayer(), List.of("flat", "fc")));
    assertThatThrownBy(() -> new Architecture("g", in, 4, 1, mismatch))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("node sum of g: add of 4 and 3");
  }
}
