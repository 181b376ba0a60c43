package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.UnitGroup.Columns;
import dev.prunus.prune.UnitGroup.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The coupling analysis against hand counts and hand-traced groups of the zoo models (width 0.25). */
class ChannelDependenciesTest {

  /** Group counts by hand: one group per unit, except that residual stages share one group per channel. */
  @ParameterizedTest
  @CsvSource({
    // model,      groups, removable, coupled
    "LENET_300_100, 110, 100, 0",    // 75 + 25 hidden, 10 outputs
    "LENET5,        67,  57,  0",    // conv 2 + 4, fc 30 + 21, 10 outputs
    "LENET5_CAFFE,  153, 143, 0",    // conv 5 + 13, fc 125, 10 outputs
    "VGG16,         1066, 1056, 0",  // 16+16+32+32+64*3+128*6 filters, 10 outputs
    "RESNET20,      110, 100, 16",   // 3*(4+8+16) inner filters; the 16 channels of stage 3 reach back to stage 1
    "RESNET56,      278, 268, 16",   // 9*(4+8+16) inner filters
    "RESNET18,      730, 720, 240",  // 2*(16+32+64+128) inner filters; one group per channel of each stage
    "MLP15,         234, 224, 0"     // 14 hidden layers of 16 units, 10 outputs
  })
  void groupCountsMatchHandCounts(ModelId id, int groups, int removable, int coupled) {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(id));
    assertThat(c.groups()).hasSize(groups);
    assertThat(c.groups().stream().filter(UnitGroup::removable)).hasSize(removable);
    assertThat(c.groups().stream().filter(UnitGroup::coupled)).hasSize(coupled);
    assertThat(c.groups().stream().filter(g -> g.pin() == UnitGroup.Pin.CLASSIFIER_OUTPUT)).hasSize(10);
  }

  /** Every unit is in exactly one group, and every input column of every layer but the first is read by exactly one. */
  @ParameterizedTest
  @EnumSource(ModelId.class)
  void groupsPartitionUnitsAndConsumerColumns(ModelId id) {
    Architecture arch = PruningFixtures.small(id);
    ChannelDependencies c = ChannelDependencies.of(arch);
    List<PrunableLayer> layers = arch.prunableLayers();
    for (PrunableLayer p : layers) {
      int[] unitSeen = new int[p.outputUnits()];
      int[] columnSeen = new int[p.inputUnits()];
      for (UnitGroup g : c.groups()) {
        g.members().stream().filter(m -> m.layer().equals(p.name())).forEach(m -> unitSeen[m.unit()]++);
        for (Columns col : g.consumers()) {
          if (col.layer().equals(p.name())) {
            for (int i = col.first(); i < col.first() + col.count(); i++) {
              columnSeen[i]++;
            }
          }
        }
      }
      assertThat(unitSeen).as("units of %s", p.name()).containsOnly(1);
      for (int u = 0; u < p.outputUnits(); u++) {
        int unit = u;
        assertThat(c.groupOf(p.name(), u).members()).anyMatch(m -> m.layer().equals(p.name()) && m.unit() == unit);
      }
      // the first layer reads the network input; every other layer reads units, each column exactly once
      assertThat(columnSeen).as("input columns of %s", p.name()).containsOnly(p == layers.get(0) ? 0 : 1);
    }
  }

  /** A channel of ResNet-20's first stage runs through every block and, via the zero-pad shortcuts, to stage 3. */
  @Test
  void resnet20StageOneChannelIsCoupledAcrossTheZeroPadShortcuts() {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(ModelId.RESNET20));
    UnitGroup g = c.groupOf("conv1", 0);
    // stages are 4, 8, 16 channels wide; option A pads 2 before (stage 2) and 4 before (stage 3)
    assertThat(g.members()).containsExactly(
        member("conv1", 0, "bn1"),
        member("layer1.0.conv2", 0, "layer1.0.bn2"),
        member("layer1.1.conv2", 0, "layer1.1.bn2"),
        member("layer1.2.conv2", 0, "layer1.2.bn2"),
        member("layer2.0.conv2", 2, "layer2.0.bn2"),
        member("layer2.1.conv2", 2, "layer2.1.bn2"),
        member("layer2.2.conv2", 2, "layer2.2.bn2"),
        member("layer3.0.conv2", 6, "layer3.0.bn2"),
        member("layer3.1.conv2", 6, "layer3.1.bn2"),
        member("layer3.2.conv2", 6, "layer3.2.bn2"));
    assertThat(g.consumers()).containsExactlyInAnyOrder(
        new Columns("layer1.0.conv1", 0, 1), new Columns("layer1.1.conv1", 0, 1),
        new Columns("layer1.2.conv1", 0, 1), new Columns("layer2.0.conv1", 0, 1),
        new Columns("layer2.1.conv1", 2, 1), new Columns("layer2.2.conv1", 2, 1),
        new Columns("layer3.0.conv1", 2, 1), new Columns("layer3.1.conv1", 6, 1),
        new Columns("layer3.2.conv1", 6, 1), new Columns("fc", 6, 1));
    assertThat(g.removable()).isTrue();
    // a channel that stage 2 pads in has no source in stage 1
    assertThat(c.groupOf("layer2.0.conv2", 0).members()).extracting(Member::layer).containsExactly(
        "layer2.0.conv2", "layer2.1.conv2", "layer2.2.conv2", "layer3.0.conv2", "layer3.1.conv2", "layer3.2.conv2");
    assertThat(c.groupOf("layer3.0.conv2", 0).members()).hasSize(3);
    // the inner conv of a block is a unit of its own, read by the block's second conv
    UnitGroup inner = c.groupOf("layer2.1.conv1", 5);
    assertThat(inner.members()).containsExactly(member("layer2.1.conv1", 5, "layer2.1.bn1"));
    assertThat(inner.consumers()).containsExactly(new Columns("layer2.1.conv2", 5, 1));
  }

  /** ResNet-18's projection shortcut joins its conv's units with the branch's, stage by stage. */
  @Test
  void resnet18ProjectionShortcutIsCoupledWithTheBranch() {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(ModelId.RESNET18));
    UnitGroup g = c.groupOf("layer2.0.shortcut.conv", 5);
    assertThat(g.members()).containsExactly(
        member("layer2.0.conv2", 5, "layer2.0.bn2"),
        member("layer2.0.shortcut.conv", 5, "layer2.0.shortcut.bn"),
        member("layer2.1.conv2", 5, "layer2.1.bn2"));
    assertThat(g.consumers()).containsExactlyInAnyOrder(
        new Columns("layer2.1.conv1", 5, 1), new Columns("layer3.0.conv1", 5, 1),
        new Columns("layer3.0.shortcut.conv", 5, 1));
    // stage 1 has identity shortcuts only: the stem joins it
    assertThat(c.groupOf("conv1", 3).members()).extracting(Member::layer)
        .containsExactly("conv1", "layer1.0.conv2", "layer1.1.conv2");
  }

  /** Across a flatten a filter owns its H*W block of the next linear layer's columns. */
  @Test
  void aFilterOwnsItsBlockOfFlattenedColumns() {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(ModelId.LENET5));
    // conv2 has 4 filters on a 5x5 map after pooling: fc1 reads 100 columns
    for (int f = 0; f < 4; f++) {
      assertThat(c.groupOf("conv2", f).consumers()).containsExactly(new Columns("fc1", 25 * f, 25));
    }
    assertThat(c.groupOf("fc3", 0).pin()).isEqualTo(UnitGroup.Pin.CLASSIFIER_OUTPUT);
    assertThat(c.groupOf("fc3", 0).consumers()).isEmpty();
  }

  /** Global average pooling then flatten gives one column per channel. */
  @Test
  void globalPoolingGivesOneColumnPerChannel() {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(ModelId.RESNET18));
    assertThat(c.groupOf("layer4.1.conv2", 7).consumers()).contains(new Columns("fc", 7, 1));
  }

  @Test
  void unknownLayersAndUnitsAreRejectedWithTheValidOnes() {
    ChannelDependencies c = ChannelDependencies.of(PruningFixtures.small(ModelId.LENET_300_100));
    assertThatThrownBy(() -> c.groupOf("conv9", 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("conv9").hasMessageContaining("[fc1, fc2, fc3]");
    assertThatThrownBy(() -> c.groupOf("fc2", 25)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("units 0..24");
  }

  /** Two batch norms in a row both normalise the unit: its group owns an entry of each, the first is its own. */
  @Test
  void twoBatchNormsInARowBothBelongToTheUnit() {
    Architecture arch = Architecture.sequential("bn-bn", new FeatureShape(1, 4, 4), 2, 1, List.of(
        new ConvLayer("conv", 1, 3, 3, 1, 1, false), new BatchNormLayer("bnA", 3), new BatchNormLayer("bnB", 3),
        new FlattenLayer(), new LinearLayer("fc", 48, 2, true)));
    UnitGroup g = ChannelDependencies.of(arch).groupOf("conv", 1);
    assertThat(g.normalizers()).containsExactly(new UnitGroup.Entry("bnA", 1), new UnitGroup.Entry("bnB", 1));
    assertThat(g.members().get(0).batchNorm()).contains("bnA");
    assertThat(g.consumers()).containsExactly(new UnitGroup.Columns("fc", 16, 16));
  }

  @Test
  void theInputIsNoGroupAndANetworkWhoseInputIsAddedToAUnitPinsIt() {
    // a residual block straight on the input: its output channels are coupled to the data
    Architecture arch = Architecture.sequential("input-residual", new FeatureShape(2, 4, 4), 2, 1, List.of(
        new dev.prunus.model.ResidualBlock("block", List.of(new ConvLayer("conv", 2, 2, 3, 1, 1, false)),
            new dev.prunus.model.Shortcut.Identity()),
        new FlattenLayer(), new LinearLayer("fc", 32, 2, true)));
    ChannelDependencies c = ChannelDependencies.of(arch);
    assertThat(c.groupOf("conv", 1).pin()).isEqualTo(UnitGroup.Pin.NETWORK_INPUT);
    List<String> layers = new ArrayList<>();
    c.groups().forEach(g -> g.members().forEach(m -> layers.add(m.layer())));
    assertThat(layers).containsExactly("conv", "conv", "fc", "fc");
  }

  private static Member member(String layer, int unit, String bn) {
    return new Member(layer, unit, Optional.of(bn));
  }
}
