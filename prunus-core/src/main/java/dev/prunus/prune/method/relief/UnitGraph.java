package dev.prunus.prune.method.relief;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every unit's output goes, for NNrelief's backward pruning (METHODS.md B.2.4): the input columns
 * that read it (one input channel of a convolution; across a flatten, the block of {@code h*w} columns a
 * channel owns in the next linear layer) and, in residual networks, the block outputs it is added into,
 * through the block's shortcut mask when it arrives by the shortcut. ReLU, pooling, padding and batch norm
 * pass channels through; a unit remembers the batch norm that normalises it.
 *
 * <p>A unit is <em>used</em> when one of its columns still has a kept weight, when it is a network output,
 * or when it is added into a block output that is used (by the shortcut only while that channel's
 * shortcut mask is open). This generalises the authors' ResNet rule ("a block output channel is removable
 * when the next block's conv1 column is empty and the shortcut mask for that channel is 0") to a channel
 * whose shortcut leads into a channel that is itself unused.
 */
final class UnitGraph {
  /** One channel source: a unit of a prunable layer, a channel of the network input, or a residual sum. */
  static final class Node {
    final List<Columns> columns = new ArrayList<>();
    final List<Edge> addedInto = new ArrayList<>();
    BatchNormLayer batchNorm;
    boolean output;
  }

  /** Columns {@code [first, first + count)} of {@code layer}'s input. */
  record Columns(PrunableLayer layer, int first, int count) {}

  /** Added into {@code sum}, through entry {@code index} of shortcut mask {@code shortcutMask} unless it is null. */
  record Edge(String shortcutMask, int index, Node sum) {}

  private record Flow(Node[] nodes, FeatureShape shape, int columnsPerChannel) {}

  private final Map<String, Node[]> units = new LinkedHashMap<>();

  private UnitGraph() {}

  static UnitGraph of(Architecture arch) {
    UnitGraph g = new UnitGraph();
    Flow out = g.walk(arch.layers(), new Flow(fresh(arch.input().channels()), arch.input(), 1));
    for (Node n : out.nodes()) {
      n.output = true;
    }
    return g;
  }

  /** The node of output unit {@code unit} of {@code layer}. */
  Node unit(String layer, int unit) {
    return units.get(layer)[unit];
  }

  /** True when {@code node}'s output still reaches a kept weight or the network output. */
  static boolean used(Node node, WorkingMasks masks) {
    if (node.output) {
      return true;
    }
    for (Columns c : node.columns) {
      if (anyKept(c, masks)) {
        return true;
      }
    }
    for (Edge e : node.addedInto) {
      if ((e.shortcutMask() == null || masks.keeps(e.shortcutMask(), e.index())) && used(e.sum(), masks)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyKept(Columns c, WorkingMasks masks) {
    PrunableLayer l = c.layer();
    int k = l.weightsPerConnection();
    int in = l.inputUnits();
    for (int o = 0; o < l.outputUnits(); o++) {
      int from = (o * in + c.first()) * k;
      if (masks.anyKept(l.weightName(), from, c.count() * k)) {
        return true;
      }
    }
    return false;
  }

  private Flow walk(List<Layer> layers, Flow in) {
    Flow f = in;
    for (Layer l : layers) {
      f = step(l, f);
    }
    return f;
  }

  private Flow step(Layer layer, Flow in) {
    FeatureShape shape = layer.outputShape(in.shape());
    if (layer instanceof PrunableLayer p) {
      int per = layer instanceof LinearLayer ? in.columnsPerChannel() : 1;
      for (int i = 0; i < in.nodes().length; i++) {
        in.nodes()[i].columns.add(new Columns(p, i * per, per));
      }
      Node[] out = fresh(p.outputUnits());
      units.put(p.name(), out);
      return new Flow(out, shape, 1);
    } else if (layer instanceof BatchNormLayer b) {
      for (Node n : in.nodes()) {
        n.batchNorm = b;
      }
    } else if (layer instanceof FlattenLayer) {
      return new Flow(in.nodes(), shape, in.columnsPerChannel() * in.shape().height() * in.shape().width());
    } else if (layer instanceof ResidualBlock r) {
      return residual(r, in, shape);
    }
    return new Flow(in.nodes(), shape, in.columnsPerChannel());
  }

  private Flow residual(ResidualBlock r, Flow in, FeatureShape shape) {
    Flow branch = walk(r.branch(), in);
    Node[] sum = fresh(shape.channels());
    for (int c = 0; c < sum.length; c++) {
      branch.nodes()[c].addedInto.add(new Edge(null, -1, sum[c]));
    }
    String mask = r.shortcutMaskName();
    Shortcut s = r.shortcut();
    if (s instanceof Shortcut.Identity) {
      for (int c = 0; c < sum.length; c++) {
        in.nodes()[c].addedInto.add(new Edge(mask, c, sum[c]));
      }
    } else if (s instanceof Shortcut.ZeroPad z) {
      for (int c = 0; c < in.nodes().length; c++) {
        in.nodes()[c].addedInto.add(new Edge(mask, c + z.padBefore(), sum[c + z.padBefore()]));
      }
    } else if (s instanceof Shortcut.Projection p) {
      Flow projected = step(p.batchNorm(), step(p.conv(), in));
      for (int c = 0; c < sum.length; c++) {
        projected.nodes()[c].addedInto.add(new Edge(mask, c, sum[c]));
      }
    }
    return new Flow(sum, shape, 1);
  }

  private static Node[] fresh(int n) {
    Node[] out = new Node[n];
    for (int i = 0; i < n; i++) {
      out[i] = new Node();
    }
    return out;
  }
}
