package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.model.Architecture;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The channel analysis on the operations of torchvision's classifiers (the graphs of GraphGoldenTest). */
class GraphDependenciesTest {
  private static ChannelDependencies deps(String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = GraphDependenciesTest.class.getResourceAsStream("/dev/prunus/golden/graph-logits.json")) {
      for (JsonNode c : json.readTree(in).get("cases")) {
        if (c.at("/architecture/name").asText().equals(name)) {
          return ChannelDependencies.of(json.treeToValue(c.get("architecture"), Architecture.class));
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void aDepthwiseFilterJoinsTheGroupOfTheChannelItReads() throws IOException {
    ChannelDependencies d = deps("mbv2-block");
    UnitGroup g = d.groupOf("expand", 3);
    assertThat(g.members()).extracting(UnitGroup.Member::layer, UnitGroup.Member::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("expand", 3), org.assertj.core.groups.Tuple.tuple("dw", 3));
    assertThat(g.normalizers()).containsExactly(new UnitGroup.Entry("expand_bn", 3), new UnitGroup.Entry("dw_bn", 3));
    assertThat(g.consumers()).containsExactly(new UnitGroup.Columns("project", 3, 1));
    assertThat(g.removable()).isTrue();
    assertThat(d.groupOf("project", 0).pin()).as("added to the network input").isEqualTo(UnitGroup.Pin.NETWORK_INPUT);
  }

  @Test
  void squeezeExcitationMultipliesAChannelByItsOwnGate() throws IOException {
    ChannelDependencies d = deps("squeeze-excitation");
    assertThat(d.groupIndex("se_expand", 5)).isEqualTo(d.groupIndex("stem", 5));
    assertThat(d.groupOf("stem", 5).consumers()).containsExactlyInAnyOrder(
        new UnitGroup.Columns("se_reduce", 5, 1), new UnitGroup.Columns("head", 5, 1));
    assertThat(d.groupOf("se_reduce", 1).members()).hasSize(1);
  }

  @Test
  void concatenatedChannelsKeepTheirOffsets() throws IOException {
    ChannelDependencies d = deps("fire-concat");
    assertThat(d.groupOf("expand1", 2).consumers()).containsExactly(new UnitGroup.Columns("classifier", 2, 1));
    assertThat(d.groupOf("expand3", 2).consumers()).containsExactly(new UnitGroup.Columns("classifier", 8, 1));
    assertThat(d.groupOf("classifier", 0).pin()).isEqualTo(UnitGroup.Pin.CLASSIFIER_OUTPUT);
  }

  @Test
  void aChannelShufflePinsWhatItMovesAndNamesTheNode() throws IOException {
    ChannelDependencies d = deps("channel-shuffle");
    UnitGroup stem = d.groupOf("stem", 0);
    assertThat(stem.pin()).isEqualTo(UnitGroup.Pin.OPERATION);
    assertThat(stem.pinnedBy()).startsWith("reshape_").contains("channel shuffle");
    assertThat(d.groupOf("branch_dw", 0).pin()).isEqualTo(UnitGroup.Pin.OPERATION);
    assertThat(d.groupOf("branch", 0).pin()).as("its depthwise filter's channel is shuffled").isEqualTo(UnitGroup.Pin.OPERATION);
    UnitGroup split = d.groupOf("stem", 8);
    assertThat(split.removable()).as("the second half of the split feeds only the branch").isTrue();
    assertThat(split.consumers()).containsExactly(new UnitGroup.Columns("branch", 0, 1));
  }

  @Test
  void preActivationBatchNormsAfterAConcatBelongToTheConcatenatedUnits() throws IOException {
    ChannelDependencies d = deps("dense-pre-activation");
    assertThat(d.groupOf("stem", 2).normalizers()).containsExactly(new UnitGroup.Entry("l1_norm1", 2),
        new UnitGroup.Entry("l2_norm1", 2), new UnitGroup.Entry("transition_norm", 2));
    assertThat(d.groupOf("l1_conv2", 1).normalizers()).containsExactly(new UnitGroup.Entry("l2_norm1", 9),
        new UnitGroup.Entry("transition_norm", 9));
    assertThat(d.groupOf("l1_conv2", 1).consumers()).containsExactly(new UnitGroup.Columns("l2_conv", 9, 1),
        new UnitGroup.Columns("transition", 9, 1));
  }

  @Test
  void aGroupedConvolutionIsLeftDense() throws IOException {
    ChannelDependencies d = deps("grouped-dilated-rectangular");
    assertThat(d.groupOf("grouped", 0).pin()).isEqualTo(UnitGroup.Pin.OPERATION);
    assertThat(d.groupOf("grouped", 0).pinnedBy()).isEqualTo("grouped: a grouped convolution (2 groups)");
    assertThat(d.groupOf("rect", 0).removable()).isTrue();
    assertThat(d.groupOf("rect", 0).consumers()).as("flattened 9x5 maps").containsExactly(
        new UnitGroup.Columns("fc", 0, 45));
  }
}
