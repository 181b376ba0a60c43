package dev.prunus.prune.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.model.Architecture;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.prune.LayerSelection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationalMasksTest {
  /** flatten(1x2x2) -> fc1 4->8 -> fc2 8->8 -> fc3 8->4. */
  private static Architecture mlp() {
    return Architecture.sequential("mlp", new FeatureShape(1, 2, 2), 4, 1, List.of(
        new FlattenLayer(),
        new LinearLayer("fc1", 4, 8, true), new ReluLayer(),
        new LinearLayer("fc2", 8, 8, true), new ReluLayer(),
        new LinearLayer("fc3", 8, 4, true)));
  }

  @Test
  void groupsAreContiguousOfFloorOrCeilSizeAndTheLargerOnesAreSpreadBySeed() {
    ChannelGroups g = ChannelGroups.split(10, 4, 7);
    int larger = 0;
    for (int node = 0; node < 4; node++) {
      assertThat(g.size(node)).isIn(2, 3);
      larger += g.size(node) == 3 ? 1 : 0;
      for (int c = g.first(node); c < g.first(node) + g.size(node); c++) {
        assertThat(g.groupOf(c)).isEqualTo(node);
      }
    }
    assertThat(larger).as("10 mod 4 groups are the larger").isEqualTo(2);
    assertThat(g.first(0)).isZero();
    assertThat(g.first(3) + g.size(3)).isEqualTo(10);
    // a pure function of (channels, nodes, seed)
    ChannelGroups again = ChannelGroups.split(10, 4, 7);
    for (int c = 0; c < 10; c++) {
      assertThat(again.groupOf(c)).isEqualTo(g.groupOf(c));
    }
    // over seeds, every node is sometimes a larger group
    boolean[] everLarger = new boolean[4];
    for (long seed = 0; seed < 50; seed++) {
      ChannelGroups s = ChannelGroups.split(10, 4, seed);
      for (int node = 0; node < 4; node++) {
        everLarger[node] |= s.size(node) == 3;
      }
    }
    assertThat(everLarger).containsOnly(true);
  }

  @Test
  void equalGroupsWhenNDividesC() {
    ChannelGroups g = ChannelGroups.split(64, 16, 3);
    for (int node = 0; node < 16; node++) {
      assertThat(g.first(node)).isEqualTo(4 * node);
      assertThat(g.size(node)).isEqualTo(4);
    }
  }

  /**
   * Hand-computed: the 4-cycle 0-1-2-3-0 on fc2 (8 x 8, groups of 2). Output unit o is in node o/2 and keeps
   * input i iff the nodes o/2 and i/2 are one apart around the cycle.
   */
  @Test
  void aBlockIsKeptIffItsGroupsAreAdjacent() {
    Architecture a = mlp();
    UndirectedGraph cycle = RingLattice.of(4, 2);
    PrunableLayer fc2 = a.prunableLayers().get(1);
    Mask m = RelationalMasks.of(cycle, a, List.of(fc2), 1).get("fc2.weight");
    String expected = ""
        + "00110011" + "00110011"
        + "11001100" + "11001100"
        + "00110011" + "00110011"
        + "11001100" + "11001100";
    StringBuilder got = new StringBuilder();
    for (boolean k : m.keep()) {
      got.append(k ? '1' : '0');
    }
    assertThat(got.toString()).isEqualTo(expected);
    assertThat(m.density()).isEqualTo(0.5);
  }

  @Test
  void aSelfLoopKeepsTheDiagonalBlock() {
    Architecture a = mlp();
    UndirectedGraph loops = RingLattice.of(4, 2).withSelfLoops();
    Mask m = RelationalMasks.of(loops, a, List.of(a.prunableLayers().get(1)), 1).get("fc2.weight");
    assertThat(m.keep()[0]).as("unit 0 (node 0) keeps input 0 (node 0)").isTrue();
    assertThat(m.keep()[2 * 8 + 3]).as("unit 2 (node 1) keeps input 3 (node 1)").isTrue();
    assertThat(m.keep()[4]).as("unit 0 (node 0) drops input 4 (node 2)").isFalse();
    assertThat(m.density()).isEqualTo(0.75);
  }

  @Test
  void aConvolutionKeepsOrDropsWholeKernels() {
    Architecture a = Architecture.sequential("convs", new FeatureShape(8, 4, 4), 2, 1, List.of(
        new ConvLayer("conv1", 8, 8, 3, 1, 1, false), new ReluLayer(),
        new ConvLayer("conv2", 8, 8, 3, 1, 1, false), new FlattenLayer(),
        new LinearLayer("fc", 8 * 16, 2, true)));
    PrunableLayer conv2 = a.prunableLayers().get(1);
    Mask m = RelationalMasks.of(RingLattice.of(4, 2), a, List.of(conv2), 5).get("conv2.weight");
    boolean[] k = m.keep();
    for (int o = 0; o < 8; o++) {
      for (int i = 0; i < 8; i++) {
        int d = Math.floorMod(o / 2 - i / 2, 4);
        boolean adjacent = d == 1 || d == 3;
        for (int s = 0; s < 9; s++) {
          assertThat(k[(o * 8 + i) * 9 + s]).as("kernel %d,%d tap %d", o, i, s).isEqualTo(adjacent);
        }
      }
    }
  }

  /** fc1 of LeNet-5 reads a flattened 16x5x5 map: its columns follow the channels of conv2, 25 per channel. */
  @Test
  void aLinearLayerAfterAFlattenGroupsItsColumnsByChannel() {
    Architecture a = ModelId.LENET5.build(new ModelOptions(ModelId.LENET5.standardInput(), 10, 1, List.of()));
    assertThat(RelationalMasks.inputChannels(a).get("fc1")).isEqualTo(new RelationalMasks.InputChannels(16, 25));
    assertThat(RelationalMasks.inputChannels(a).get("fc2")).isEqualTo(new RelationalMasks.InputChannels(120, 1));
    PrunableLayer fc1 = a.prunableLayers().get(2);
    // 6 nodes do not divide 16 channels, so grouping the 400 columns directly would differ from grouping channels
    Mask m = RelationalMasks.of(RingLattice.of(6, 2), a, List.of(fc1), 2).get("fc1.weight");
    ChannelGroups channels = ChannelGroups.split(16, 6, 2);
    ChannelGroups units = ChannelGroups.split(120, 6, 2);
    for (int o = 0; o < 120; o++) {
      for (int col = 0; col < 400; col++) {
        int d = Math.floorMod(units.groupOf(o) - channels.groupOf(col / 25), 6);
        assertThat(m.keep()[o * 400 + col]).isEqualTo(d == 1 || d == 5);
      }
    }
  }

  /** The check: ResNet-20 with 16 nodes of degree 4 keeps exactly a quarter of every masked layer. */
  @Test
  void everyMaskedLayerOfResnet20KeepsExactlyKOverN() {
    Architecture a = ModelId.RESNET20.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 1, List.of()));
    List<PrunableLayer> masked = LayerSelection.parse("no-first-last").select(a);
    Masks masks = RelationalMasks.of(RingLattice.of(16, 4), a, masked, 9);
    assertThat(masks.byParameter()).hasSize(a.prunableLayers().size() - 2);
    for (Mask m : masks.byParameter().values()) {
      assertThat(m.density()).isEqualTo(0.25);
    }
  }

  @ParameterizedTest
  @CsvSource({"resnet20, 16", "vgg16, 64", "lenet5, 6", "resnet18, 64"})
  void theLargestNodeCountIsTheSmallestChannelCountOfAMaskedLayer(String model, int largest) {
    Architecture a = ModelId.fromName(model).build(new ModelOptions(ModelId.fromName(model).standardInput(), 10, 1, List.of()));
    List<PrunableLayer> masked = LayerSelection.parse("no-first-last").select(a);
    assertThat(RelationalMasks.largestNodeCount(a, masked)).isEqualTo(largest);
    RelationalMasks.checkNodeCount(largest, a, masked);
    assertThatThrownBy(() -> RelationalMasks.checkNodeCount(largest + 1, a, masked))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nodes=" + (largest + 1))
        .hasMessageContaining("the largest valid nodes is " + largest);
  }
}
