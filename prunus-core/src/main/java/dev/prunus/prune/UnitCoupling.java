package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.model.ZeroPadLayer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unit coupling of an {@link Architecture}: every output unit (neuron or filter) of every prunable
 * layer, grouped into the {@link UnitGroup}s that structured pruning removes together, each with the
 * parameters it owns (weight rows, biases, batch-norm entries, consumers' input columns). This is the
 * dependency analysis of Torch-Pruning (Fang et al. 2023, "DepGraph: Towards Any Structural Pruning")
 * specialised to Prunus's layer specs; both unit surgery ({@link MaskApplier}) and compaction
 * ({@link Compactor}) read it, so the two agree on what a unit is.
 *
 * <p>Rules. A convolution's unit {@code c} is read through input channel {@code c} of the next
 * convolution; across a flatten it owns the {@code H*W} consecutive columns {@code [c*H*W, (c+1)*H*W)} of
 * the next linear layer (one column after global average pooling). ReLU, max pooling, global average
 * pooling and spatial zero padding pass channels through. A residual block adds its branch output to its
 * shortcut output channel by channel, which joins the addends into one group: an identity shortcut joins
 * block input channel {@code c} with output channel {@code c}; He et al.'s option-A zero-pad shortcut joins
 * input channel {@code c} with output channel {@code c + padBefore} (the padded channels have no source);
 * a projection shortcut's conv unit {@code c} (and its batch norm) joins output channel {@code c}. Groups
 * joined to the network input or reaching the network output are pinned (never removable).
 *
 * <p>An immutable value; build it with {@link #of}.
 */
public final class UnitCoupling {
  private final List<UnitGroup> groups;
  private final Map<String, int[]> groupOfUnit;

  private UnitCoupling(List<UnitGroup> groups, Map<String, int[]> groupOfUnit) {
    this.groups = List.copyOf(groups);
    this.groupOfUnit = Collections.unmodifiableMap(groupOfUnit);
  }

  /**
   * Analyses {@code arch}.
   *
   * @throws InvalidInputException if two batch norms normalise the same channels with no conv or linear
   *     layer between them (a pattern the zoo never builds and the analysis does not model)
   */
  public static UnitCoupling of(Architecture arch) {
    return new Analysis().run(arch);
  }

  /** Every group, in forward order of its first member. */
  public List<UnitGroup> groups() {
    return groups;
  }

  /** The index in {@link #groups()} of the group holding output unit {@code unit} of {@code layer}. */
  public int groupIndex(String layer, int unit) {
    int[] g = groupOfUnit.get(layer);
    if (g == null) {
      throw new InvalidInputException("no prunable layer named '" + layer + "': the layers are " + groupOfUnit.keySet());
    }
    if (unit < 0 || unit >= g.length) {
      throw new InvalidInputException(
          "unit " + unit + " of " + layer + " does not exist: the layer has units 0.." + (g.length - 1));
    }
    return g[unit];
  }

  /** The group holding output unit {@code unit} of {@code layer}. */
  public UnitGroup groupOf(String layer, int unit) {
    return groups.get(groupIndex(layer, unit));
  }

  /** For every output unit of {@code layer}, the index of its group. */
  public int[] groupIndices(String layer) {
    groupIndex(layer, 0);
    return groupOfUnit.get(layer).clone();
  }

  /** The walk that builds the groups: one node per channel source, joined by a union-find. */
  private static final class Analysis {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final Map<String, Integer> unitCounts = new LinkedHashMap<>();

    /** A channel source: a unit of a prunable layer (layer non-null) or a channel of the network input. */
    private static final class Node {
      final String layer;
      final int unit;
      String batchNorm;
      boolean output;
      final List<UnitGroup.Columns> consumers = new ArrayList<>();

      Node(String layer, int unit) {
        this.layer = layer;
        this.unit = unit;
      }
    }

    /** What flows between layers: the source node of each channel, the shape, and columns per channel. */
    private record Flow(int[] nodes, FeatureShape shape, int columnsPerChannel) {}

    UnitCoupling run(Architecture arch) {
      FeatureShape in = arch.input();
      int[] inputNodes = new int[in.channels()];
      for (int c = 0; c < inputNodes.length; c++) {
        inputNodes[c] = newNode(null, c);
      }
      Flow out = walk(arch.layers(), new Flow(inputNodes, in, 1));
      for (int n : out.nodes()) {
        nodes.get(n).output = true;
      }
      return collect();
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
      if (layer instanceof ConvLayer c) {
        for (int i = 0; i < in.nodes().length; i++) {
          nodes.get(in.nodes()[i]).consumers.add(new UnitGroup.Columns(c.name(), i, 1));
        }
        return new Flow(produce(c), shape, 1);
      } else if (layer instanceof LinearLayer l) {
        int per = in.columnsPerChannel();
        for (int i = 0; i < in.nodes().length; i++) {
          nodes.get(in.nodes()[i]).consumers.add(new UnitGroup.Columns(l.name(), i * per, per));
        }
        return new Flow(produce(l), shape, 1);
      } else if (layer instanceof BatchNormLayer b) {
        for (int i = 0; i < in.nodes().length; i++) {
          Node n = nodes.get(in.nodes()[i]);
          if (n.batchNorm != null) {
            throw new InvalidInputException("batch norm " + b.name() + " follows batch norm " + n.batchNorm
                + " with no conv or linear layer between them; unit coupling cannot assign its channels to units: "
                + "put a conv or linear layer between the two batch norms");
          }
          if (n.layer != null && n.unit != i) {
            throw new IllegalStateException("channel " + i + " of " + b.name() + " comes from unit " + n.unit);
          }
          n.batchNorm = b.name();
        }
        return new Flow(in.nodes(), shape, in.columnsPerChannel());
      } else if (layer instanceof FlattenLayer) {
        int per = in.columnsPerChannel() * in.shape().height() * in.shape().width();
        return new Flow(in.nodes(), shape, per);
      } else if (layer instanceof ReluLayer || layer instanceof MaxPoolLayer
          || layer instanceof GlobalAvgPoolLayer || layer instanceof ZeroPadLayer) {
        return new Flow(in.nodes(), shape, in.columnsPerChannel());
      } else if (layer instanceof ResidualBlock r) {
        Flow branch = walk(r.branch(), in);
        int[] sum = branch.nodes();
        Shortcut s = r.shortcut();
        if (s instanceof Shortcut.Identity) {
          for (int i = 0; i < sum.length; i++) {
            union(sum[i], in.nodes()[i]);
          }
        } else if (s instanceof Shortcut.ZeroPad z) {
          for (int i = 0; i < in.nodes().length; i++) {
            union(sum[i + z.padBefore()], in.nodes()[i]);
          }
        } else if (s instanceof Shortcut.Projection p) {
          Flow projected = step(p.batchNorm(), step(p.conv(), in));
          for (int i = 0; i < sum.length; i++) {
            union(sum[i], projected.nodes()[i]);
          }
        }
        return new Flow(sum, shape, 1);
      }
      throw new IllegalStateException("no coupling rule for " + layer);
    }

    private int[] produce(PrunableLayer p) {
      int[] out = new int[p.outputUnits()];
      for (int u = 0; u < out.length; u++) {
        out[u] = newNode(p.name(), u);
      }
      unitCounts.put(p.name(), out.length);
      return out;
    }

    private int newNode(String layer, int unit) {
      nodes.add(new Node(layer, unit));
      parent.add(nodes.size() - 1);
      return nodes.size() - 1;
    }

    private int find(int n) {
      int root = n;
      while (parent.get(root) != root) {
        root = parent.get(root);
      }
      while (parent.get(n) != root) {
        int next = parent.get(n);
        parent.set(n, root);
        n = next;
      }
      return root;
    }

    /** Joins two classes; the smaller node id stays the root, so groups keep forward order. */
    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent.set(Math.max(ra, rb), Math.min(ra, rb));
      }
    }

    private UnitCoupling collect() {
      Map<Integer, List<Node>> classes = new LinkedHashMap<>();
      for (int n = 0; n < nodes.size(); n++) {
        classes.computeIfAbsent(find(n), k -> new ArrayList<>()).add(nodes.get(n));
      }
      List<UnitGroup> groups = new ArrayList<>();
      Map<String, int[]> groupOfUnit = new LinkedHashMap<>();
      unitCounts.forEach((layer, count) -> groupOfUnit.put(layer, new int[count]));
      for (List<Node> members : classes.values()) {
        List<UnitGroup.Member> producing = new ArrayList<>();
        List<UnitGroup.Columns> consumers = new ArrayList<>();
        boolean input = false;
        boolean output = false;
        for (Node n : members) {
          if (n.layer == null) {
            input = true;
          } else {
            producing.add(new UnitGroup.Member(n.layer, n.unit, Optional.ofNullable(n.batchNorm)));
            groupOfUnit.get(n.layer)[n.unit] = groups.size();
          }
          output |= n.output;
          consumers.addAll(n.consumers);
        }
        if (producing.isEmpty()) {
          continue; // channels of the network input that no unit is added to: data, not a group
        }
        UnitGroup.Pin pin = input ? UnitGroup.Pin.NETWORK_INPUT
            : output ? UnitGroup.Pin.CLASSIFIER_OUTPUT : UnitGroup.Pin.NONE;
        groups.add(new UnitGroup(producing, consumers, pin));
      }
      return new UnitCoupling(groups, groupOfUnit);
    }
  }
}
