package dev.prunus.prune.relational;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Node;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkGraphTest {
  /**
   * Units: input 0; conv1 outputs 1, 2; the block's conv outputs 3, 4 (also the block's outputs, the identity
   * shortcut adding 1 -> 3 and 2 -> 4); fc outputs 5, 6, 7, fed by a flatten of 2 channels of 2x2.
   */
  private static Architecture net() {
    return Architecture.sequential("net", new FeatureShape(1, 2, 2), 3, 1, List.of(
        new ConvLayer("conv1", 1, 2, 1, 1, 0, true), new ReluLayer(),
        new ResidualBlock("block", List.of(new ConvLayer("conv2", 2, 2, 1, 1, 0, true)), new Shortcut.Identity()),
        new FlattenLayer(), new LinearLayer("fc", 8, 3, true)));
  }

  @Test
  void linksKeptConnectionsShortcutsAndFlattenedChannels() {
    // conv2 loses the kernel from its input 1 (unit 2) to its output 0 (unit 3); fc's output 0 (unit 5) keeps
    // only columns of channel 1 (columns 4..7), output 1 only column 0 (channel 0), output 2 nothing but column 7
    boolean[] fc = new boolean[3 * 8];
    fc[4] = fc[6] = true;
    fc[8] = true;
    fc[16 + 7] = true;
    Masks masks = new Masks(Map.of(
        "conv2.weight", new Mask(new long[] {2, 2, 1, 1}, new boolean[] {true, false, true, true}),
        "fc.weight", new Mask(new long[] {3, 8}, fc)));
    NetworkGraph network = NetworkGraph.of(net(), masks);
    UndirectedGraph g = network.graph();
    assertThat(g.nodeCount()).isEqualTo(8);
    // conv1: 0-1, 0-2; conv2: 1-3, 1-4, 2-4 (the identity shortcut's 1-3 and 2-4 coincide); fc: 4-5, 3-6, 4-7
    int[][] expected = {{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 4}, {4, 5}, {3, 6}, {4, 7}};
    for (int[] e : expected) {
      assertThat(g.hasEdge(e[0], e[1])).as("edge %d-%d", e[0], e[1]).isTrue();
    }
    assertThat(g.edgeCount()).isEqualTo(expected.length);
    assertThat(g.hasEdge(2, 3)).as("masked kernel, and the shortcut links channel c to c only").isFalse();
    assertThat(g.hasEdge(3, 5)).as("fc output 0 keeps no column of channel 0").isFalse();
  }

  @Test
  void theLayeredReferenceKeepsEveryInDegreeAndTheShortcuts() {
    NetworkGraph network = NetworkGraph.of(net(), Masks.NONE);
    UndirectedGraph dense = network.graph();
    UndirectedGraph reference = network.layeredReference(new SplittableRandom(3));
    assertThat(reference.edgeCount()).isEqualTo(dense.edgeCount());
    assertThat(reference.degrees()).isEqualTo(dense.degrees());
  }

  /**
   * Option A links block input c to output c + padBefore, a projection's units are the block's outputs
   * (its kernels its own links), an identity links c to c; every layer dense.
   */
  @Test
  void residualNetworksHaveOneNodePerUnitAndTheirShortcutLinks() {
    for (ModelId id : List.of(ModelId.RESNET20, ModelId.RESNET18)) {
      Architecture a = id.build(new ModelOptions(new FeatureShape(3, 32, 32), 10, 0.25, List.of()));
      UndirectedGraph g = NetworkGraph.of(a, Masks.NONE).graph();
      long units = a.prunableLayers().stream().filter(p -> !p.name().endsWith("shortcut.conv"))
          .mapToLong(PrunableLayer::outputUnits).sum();
      assertThat(g.nodeCount()).as(id.cliName()).isEqualTo(3 + units);
      long kernels = a.prunableLayers().stream().mapToLong(p -> (long) p.outputUnits() * p.inputUnits()).sum();
      long links = 0;
      for (Node n : a.nodes()) {
        if (n.layer() instanceof ChannelGateLayer && !(a.node(n.input()).layer() instanceof BatchNormLayer)) {
          // identity or option A: one link per channel of the block's input
          Node add = a.nodes().stream().filter(m -> m.inputs().contains(n.name())).findFirst().orElseThrow();
          links += a.shape(a.node(add.inputs().get(0)).name()).channels()
              - (a.node(n.input()).layer() instanceof dev.prunus.model.PadLayer p ? p.before()[0] + p.after()[0] : 0);
        }
      }
      assertThat(links).as("%s has shortcut links", id.cliName()).isPositive();
      assertThat(g.edgeCount()).as(id.cliName()).isEqualTo(kernels + links);
    }
  }
}
