package dev.prunus.prune.relational;

import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.model.Architecture;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The whole network's unit graph (METHODS.md B.1.2): a node per input channel of the network and per
 * output unit (neuron or channel) of every conv/linear layer; an edge between an input unit and an output
 * unit of a layer when its mask keeps any weight between them (for a linear layer after a flatten, any
 * column of that channel). A residual block's output units are its branch's last units: an identity
 * shortcut links input channel c to output channel c, option A's zero-padding shortcut links c to
 * {@code c + padBefore}, and a projection links through its own mask. The graph is layered, so it has no
 * triangles and triangle clustering is 0 by construction (B.1.3); measure it with square or bipartite
 * clustering.
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
    Builder b = new Builder(masks);
    int[] input = b.newNodes(arch.input().channels());
    b.walk(arch.layers(), input);
    return new NetworkGraph(b.next, b.blocks, b.fixed);
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

    int[] newNodes(int count) {
      int[] ids = new int[count];
      for (int i = 0; i < count; i++) {
        ids[i] = next++;
      }
      return ids;
    }

    /** Walks {@code layers} from the units {@code current}; returns the units of the output. */
    int[] walk(List<Layer> layers, int[] current) {
      boolean flattened = false;
      for (Layer l : layers) {
        if (l instanceof ConvLayer c) {
          current = block(c, current, 1, null);
        } else if (l instanceof LinearLayer lin) {
          int cpc = flattened && lin.inFeatures() % current.length == 0 ? lin.inFeatures() / current.length : 1;
          current = block(lin, current, cpc, null);
        } else if (l instanceof ResidualBlock r) {
          current = residual(r, current);
        }
        if (l instanceof FlattenLayer) {
          flattened = true;
        } else if (l instanceof PrunableLayer) {
          flattened = false;
        }
      }
      return current;
    }

    private int[] residual(ResidualBlock r, int[] in) {
      int[] out = walk(r.branch(), in);
      if (r.shortcut() instanceof Shortcut.Projection p) {
        block(p.conv(), in, 1, out);
      } else {
        int shift = r.shortcut() instanceof Shortcut.ZeroPad z ? z.padBefore() : 0;
        for (int c = 0; c < in.length; c++) {
          fixed.add(new int[] {in[c], out[c + shift]});
        }
      }
      return out;
    }

    /**
     * Adds the links of {@code p} from {@code in} ({@code columnsPerChannel} columns each) to {@code out}
     * (new units when null); returns the output units.
     */
    int[] block(PrunableLayer p, int[] in, int columnsPerChannel, int[] out) {
      int[] outputs = out != null ? out : newNodes(p.outputUnits());
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
