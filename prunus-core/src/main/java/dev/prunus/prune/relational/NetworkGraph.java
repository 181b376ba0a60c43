package dev.prunus.prune.relational;

import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.model.Architecture;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.ChannelDependencies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The whole network's unit graph (Small-World's view of a network as a graph): a node per input channel of
 * the network and per output unit (neuron or channel) of every conv/linear layer; an edge between an input
 * unit and an output unit of a layer when its mask keeps any weight between them (for a linear layer after a
 * flatten, any column of that channel). A residual block's output units are its branch's last units: an
 * identity shortcut links input channel c to output channel c, option A's zero-padding shortcut links c to
 * {@code c + padBefore}, and a projection links through its own mask. The graph is layered, so it has no
 * triangles and triangle clustering is 0 by construction (every cycle alternates between layers); measure it
 * with square or bipartite clustering.
 *
 * <p>{@link #layeredReference} draws the matching random reference: every output unit keeps its number of
 * distinct inputs, drawn uniformly from its layer's inputs; shortcut links are kept. It keeps the layering
 * (a degree-preserving double-edge swap would not).
 */
public final class NetworkGraph {
  /** One conv/linear layer's links: for each output unit, the distinct input nodes it keeps. */
  private record Block(int[] inputNodes, int[] outputNodes, int[][] kept) {}

  private final int nodes;
  private final List<Block> blocks;
  private final List<int[]> fixed; // shortcut links {u, v}

  private NetworkGraph(int nodes, List<Block> blocks, List<int[]> fixed) {
    this.nodes = nodes;
    this.blocks = List.copyOf(blocks);
    this.fixed = List.copyOf(fixed);
  }

  /** The unit graph of {@code arch} under {@code masks} (a layer without a mask is dense). */
  public static NetworkGraph of(Architecture arch, Masks masks) {
    ChannelDependencies deps = ChannelDependencies.of(arch);
    Builder b = new Builder(masks);
    Map<ChannelDependencies.Source, Integer> node = new HashMap<>();
    Map<ChannelDependencies.Source, List<ChannelDependencies.Source>> addends = new LinkedHashMap<>();
    for (ChannelDependencies.Source s : deps.tensor(Architecture.INPUT).sources()) {
      node.put(s, b.next++);
    }
    Set<ChannelDependencies.Source> merged = new HashSet<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      for (int u = 0; u < p.outputUnits(); u++) {
        ChannelDependencies.Source s = deps.unit(p.name(), u);
        if (mergedIntoSum(s)) {
          merged.add(s); // a projection shortcut's unit: the block's output unit, its links its own
        } else {
          node.put(s, b.next++);
        }
      }
    }
    collectSums(deps, addends);
    // each sum is its branch's unit; shortcut addends that are not merged link to it
    for (Map.Entry<ChannelDependencies.Source, List<ChannelDependencies.Source>> e : addends.entrySet()) {
      ChannelDependencies.Source representative = e.getValue().stream()
          .filter(a -> a.sums().stream().anyMatch(s -> s.into() == e.getKey() && s.gateMask() == null))
          .findFirst().orElse(e.getValue().get(0));
      node.put(e.getKey(), node.get(representative));
      for (ChannelDependencies.Source a : e.getValue()) {
        if (a != representative && !merged.contains(a) && node.containsKey(a)) {
          b.fixed.add(new int[] {node.get(a), node.get(e.getKey())});
        }
      }
    }
    for (ChannelDependencies.Source s : merged) {
      node.put(s, node.get(s.sums().get(0).into()));
    }
    for (PrunableLayer p : arch.prunableLayers()) {
      ChannelDependencies.ChannelMap in = deps.input(p.name());
      int[] inputs = in.sources().stream().mapToInt(node::get).toArray();
      int[] outputs = new int[p.outputUnits()];
      for (int u = 0; u < outputs.length; u++) {
        outputs[u] = node.get(deps.unit(p.name(), u));
      }
      b.block(p, inputs, in.columnsPerChannel(), outputs);
    }
    return new NetworkGraph(b.next, b.blocks, b.fixed);
  }

  /** True for a unit read by nothing but one sum it reaches through a gate (a projection shortcut's). */
  private static boolean mergedIntoSum(ChannelDependencies.Source s) {
    return s.readers().isEmpty() && s.sums().size() == 1 && s.sums().get(0).gateMask() != null;
  }

  /** Every sum's addends, in the order they first appear in the graph's tensors. */
  private static void collectSums(
      ChannelDependencies deps, Map<ChannelDependencies.Source, List<ChannelDependencies.Source>> addends) {
    List<String> tensors = new ArrayList<>(List.of(Architecture.INPUT));
    deps.architecture().nodes().forEach(n -> tensors.add(n.name()));
    for (String t : tensors) {
      for (ChannelDependencies.Source s : deps.tensor(t).sources()) {
        for (ChannelDependencies.Sum sum : s.sums()) {
          List<ChannelDependencies.Source> list = addends.computeIfAbsent(sum.into(), k -> new ArrayList<>());
          if (!list.contains(s)) {
            list.add(s);
          }
        }
      }
    }
  }

  public int nodeCount() {
    return nodes;
  }

  /** The graph itself. */
  public UndirectedGraph graph() {
    MutableGraph g = MutableGraph.empty(nodes);
    for (Block block : blocks) {
      for (int o = 0; o < block.outputNodes.length; o++) {
        for (int i : block.kept[o]) {
          link(g, block.inputNodes[i], block.outputNodes[o]);
        }
      }
    }
    fixed.forEach(e -> link(g, e[0], e[1]));
    return g.toGraph();
  }

  /** A random reference with every output unit's in-degree and every shortcut link kept. */
  public UndirectedGraph layeredReference(SplittableRandom random) {
    MutableGraph g = MutableGraph.empty(nodes);
    for (Block block : blocks) {
      int in = block.inputNodes.length;
      for (int o = 0; o < block.outputNodes.length; o++) {
        int[] perm = dev.prunus.Shuffle.permutation(in, random);
        for (int j = 0; j < block.kept[o].length; j++) {
          link(g, block.inputNodes[perm[j]], block.outputNodes[o]);
        }
      }
    }
    fixed.forEach(e -> link(g, e[0], e[1]));
    return g.toGraph();
  }

  private static void link(MutableGraph g, int u, int v) {
    if (u != v && !g.hasEdge(u, v)) {
      g.addEdge(u, v);
    }
  }

  private static final class Builder {
    final Masks masks;
    final List<Block> blocks = new ArrayList<>();
    final List<int[]> fixed = new ArrayList<>();
    int next;

    Builder(Masks masks) {
      this.masks = masks;
    }

    /**
     * Adds the links of {@code p} from {@code in} ({@code columnsPerChannel} columns each) to
     * {@code outputs}; returns the output units.
     */
    int[] block(PrunableLayer p, int[] in, int columnsPerChannel, int[] outputs) {
      int columns = p.inputUnits();
      int perColumn = p.weightsPerConnection();
      Mask m = masks.get(p.weightName());
      int[][] kept = new int[p.outputUnits()][];
      boolean[] seen = new boolean[in.length];
      int[] list = new int[in.length];
      for (int o = 0; o < p.outputUnits(); o++) {
        java.util.Arrays.fill(seen, false);
        int count = 0;
        for (int col = 0; col < columns; col++) {
          int channel = col / columnsPerChannel;
          if (!seen[channel] && keepsAny(m, (o * columns + col) * perColumn, perColumn)) {
            seen[channel] = true;
            list[count++] = channel;
          }
        }
        kept[o] = java.util.Arrays.copyOf(list, count);
      }
      blocks.add(new Block(in, outputs, kept));
      return outputs;
    }

    private static boolean keepsAny(Mask m, int at, int length) {
      if (m == null) {
        return true;
      }
      boolean[] keep = m.keep();
      for (int i = at; i < at + length; i++) {
        if (keep[i]) {
          return true;
        }
      }
      return false;
    }
  }
}
