package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ClipLayer;
import dev.prunus.model.ConcatLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.HardSigmoidLayer;
import dev.prunus.model.HardSwishLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.MulLayer;
import dev.prunus.model.Node;
import dev.prunus.model.PadLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SigmoidLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.TensorShape;
import dev.prunus.model.TransposeLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel dependencies of an {@link Architecture}: one pass over its graph that follows every
 * tensor's channel axis (Fang et al. 2023, "DepGraph: Towards Any Structural Pruning"). Everything in
 * Prunus that reasons about channels reads it: structured pruning and unit surgery (the
 * {@link UnitGroup}s), compaction ({@link Compactor}: which channels of each tensor survive), NNrelief's
 * dead units and backward pruning (sources, their readers and the sums they are added into), data-free
 * merging (a linear layer's one consumer), and the relational masks of RGP and Small-World (the input
 * channels of each masked layer).
 *
 * <p>A channel {@link Source} is an output unit of a conv or linear layer, a channel of the network
 * input, a zero channel (option-A padding), or the sum of the channels an {@link AddLayer} adds. Each
 * tensor maps its channel axis to sources ({@link ChannelMap}); after a flatten a channel owns a block of
 * consecutive columns. Rules: a conv reads one column per input channel, a linear layer the block of its
 * channel, and each makes new unit sources; a depthwise conv's unit c joins input channel c; batch norm,
 * activations, pooling, spatial padding and slicing pass channels through (batch norm notes its entry
 * for each source); channel padding makes zero sources; concatenation lists its inputs' channels, a
 * channel slice selects; flattening gives each channel its block of columns; an add or a mul makes one
 * sum per channel into which its operands' channels go (through a gate's mask entry when the operand
 * comes from a {@link ChannelGateLayer}; a one-channel operand of a mul is broadcast and passes). Other
 * grouped convolutions, reshapes that are not a flatten, transposes that move the channel axis and
 * strided channel slices pin the channels they touch, and their outputs are opaque. Sources linked
 * through sums or depthwise filters form one {@link UnitGroup}: the units that can only be removed
 * together. Groups holding a network input channel or an output, or touched by such an operation, are
 * pinned.
 *
 * <p>An immutable value; build it with {@link #of}.
 */
public final class ChannelDependencies {
  /** One channel source. Read-only outside this class. */
  public static final class Source {
    /** What a source is. */
    public enum Kind { UNIT, INPUT, ZERO, SUM, OPAQUE }

    private final int id;
    private final Kind kind;
    private final String layer;
    private final int unit;
    private final List<UnitGroup.Columns> readers = new ArrayList<>();
    private final List<Sum> sums = new ArrayList<>();
    private final List<Source> feeds = new ArrayList<>();
    private final List<UnitGroup.Entry> normalizers = new ArrayList<>();
    private String batchNorm;
    private boolean output;
    private String pinnedBy;

    private Source(int id, Kind kind, String layer, int unit) {
      this.id = id;
      this.kind = kind;
      this.layer = layer;
      this.unit = unit;
    }

    public Kind kind() {
      return kind;
    }

    /** The prunable layer of a unit source, else null. */
    public String layer() {
      return layer;
    }

    /** The unit's index in its layer, or the channel's in the network input. */
    public int unit() {
      return unit;
    }

    /** The input columns that read this channel: of a conv, its one input channel; after a flatten, its block. */
    public List<UnitGroup.Columns> readers() {
      return Collections.unmodifiableList(readers);
    }

    /** The sums this channel is added into. */
    public List<Sum> sums() {
      return Collections.unmodifiableList(sums);
    }

    /** The depthwise filters that read this channel alone (their units belong to its group). */
    public List<Source> feeds() {
      return Collections.unmodifiableList(feeds);
    }

    /** The batch-norm channels this channel passes through. */
    public List<UnitGroup.Entry> normalizers() {
      return Collections.unmodifiableList(normalizers);
    }

    /** The node that keeps this channel from being pruned and why, or null. */
    public String pinnedBy() {
      return pinnedBy;
    }

    /** The batch norm that normalises this unit first (only ReLU or pooling between), or null. */
    public String batchNorm() {
      return batchNorm;
    }

    /** True when the channel is part of the network's output. */
    public boolean output() {
      return output;
    }

    @Override
    public String toString() {
      return kind == Kind.UNIT ? "unit " + unit + " of " + layer : kind.name().toLowerCase(java.util.Locale.ROOT)
          + " source " + id;
    }
  }

  /**
   * Added into sum {@code into}; through entry {@code gateIndex} of gate mask {@code gateMask} when the
   * addend came through a {@link ChannelGateLayer} (else {@code gateMask} is null).
   */
  public record Sum(Source into, String gateMask, int gateIndex) {}

  /**
   * The channel axis of one tensor: the source of each channel, and the columns each channel owns along
   * the axis (1 for a feature map, {@code H*W} once a {@code [C, H, W]} map is flattened).
   */
  public record ChannelMap(List<Source> sources, int columnsPerChannel) {
    public ChannelMap {
      sources = List.copyOf(sources);
    }

    public int channels() {
      return sources.size();
    }
  }

  private final Architecture architecture;
  private final List<Source> sources;
  private final Map<String, ChannelMap> tensors;
  private final Map<String, List<Source>> units;
  private final List<UnitGroup> groups;
  private final Map<String, int[]> groupOfUnit;
  private final int[] groupOfSource;

  private ChannelDependencies(Analysis a, List<UnitGroup> groups, Map<String, int[]> groupOfUnit, int[] groupOfSource) {
    this.architecture = a.arch;
    this.sources = List.copyOf(a.sources);
    this.tensors = Collections.unmodifiableMap(a.tensors);
    this.units = Collections.unmodifiableMap(a.units);
    this.groups = List.copyOf(groups);
    this.groupOfUnit = Collections.unmodifiableMap(groupOfUnit);
    this.groupOfSource = groupOfSource;
  }

  /** Analyses {@code arch}. */
  public static ChannelDependencies of(Architecture arch) {
    return new Analysis(arch).run();
  }

  public Architecture architecture() {
    return architecture;
  }

  /** Every group, in forward order of its first source. */
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

  /** The source of output unit {@code unit} of prunable layer {@code layer}. */
  public Source unit(String layer, int unit) {
    groupIndex(layer, unit);
    return units.get(layer).get(unit);
  }

  /** The channel map of tensor {@code tensor} (a node's name, or {@link Architecture#INPUT}). */
  public ChannelMap tensor(String tensor) {
    ChannelMap m = tensors.get(tensor);
    if (m == null) {
      throw new IllegalArgumentException("no tensor '" + tensor + "' in " + architecture.name());
    }
    return m;
  }

  /** The channel map of the tensor prunable layer {@code layer} reads. */
  public ChannelMap input(String layer) {
    return tensor(architecture.node(layer).input());
  }

  /** The index in {@link #groups()} of the group holding {@code source}, or -1 when it is in none. */
  public int groupIndex(Source source) {
    return groupOfSource[source.id];
  }

  /** The one pass over the graph, with a union-find over sources joined by sums. */
  private static final class Analysis {
    final Architecture arch;
    final List<Source> sources = new ArrayList<>();
    final List<Integer> parent = new ArrayList<>();
    final Map<String, ChannelMap> tensors = new LinkedHashMap<>();
    final Map<String, List<Source>> units = new LinkedHashMap<>();

    Analysis(Architecture arch) {
      this.arch = arch;
    }

    ChannelDependencies run() {
      List<Source> input = new ArrayList<>();
      for (int c = 0; c < arch.input().channels(); c++) {
        input.add(source(Source.Kind.INPUT, null, c));
      }
      tensors.put(Architecture.INPUT, new ChannelMap(input, 1));
      for (Node n : arch.nodes()) {
        tensors.put(n.name(), step(n));
      }
      for (Source s : tensors.get(arch.output()).sources()) {
        s.output = true;
      }
      return collect();
    }

    private ChannelMap step(Node n) {
      List<ChannelMap> in = n.inputs().stream().map(tensors::get).toList();
      ChannelMap x = in.get(0);
      TensorShape inShape = arch.shape(n.inputs().get(0));
      Layer layer = n.layer();
      if (layer instanceof ConvLayer c && c.groups() == 1) {
        for (int i = 0; i < x.channels(); i++) {
          x.sources().get(i).readers.add(new UnitGroup.Columns(c.name(), i, 1));
        }
        return new ChannelMap(produce(c), 1);
      } else if (layer instanceof ConvLayer c && c.depthwise() && c.outChannels() == c.inChannels()) {
        List<Source> out = produce(c);
        for (int i = 0; i < out.size(); i++) {
          x.sources().get(i).feeds.add(out.get(i));
          union(x.sources().get(i).id, out.get(i).id);
        }
        return new ChannelMap(out, 1);
      } else if (layer instanceof ConvLayer c) {
        pinned(x, n, "a grouped convolution (" + c.groups() + " groups)");
        return pinned(new ChannelMap(produce(c), 1), n, "a grouped convolution (" + c.groups() + " groups)");
      } else if (layer instanceof LinearLayer l) {
        int per = x.columnsPerChannel();
        for (int i = 0; i < x.channels(); i++) {
          x.sources().get(i).readers.add(new UnitGroup.Columns(l.name(), i * per, per));
        }
        return new ChannelMap(produce(l), 1);
      } else if (layer instanceof BatchNormLayer b) {
        for (int i = 0; i < x.channels(); i++) {
          Source s = x.sources().get(i);
          s.normalizers.add(new UnitGroup.Entry(b.name(), i));
          if (s.batchNorm == null) {
            s.batchNorm = b.name();
          }
        }
        return x;
      } else if (layer instanceof FlattenLayer
          || layer instanceof ReshapeLayer r && r.dims().length == 1 && inShape.rank() >= 1) {
        return new ChannelMap(x.sources(), x.columnsPerChannel() * inShape.perChannel());
      } else if (layer instanceof PadLayer p) {
        int before = p.before()[0];
        int after = p.after()[0];
        if (before == 0 && after == 0) {
          return x;
        }
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < before; i++) {
          out.add(source(Source.Kind.ZERO, null, i));
        }
        out.addAll(x.sources());
        for (int i = 0; i < after; i++) {
          out.add(source(Source.Kind.ZERO, null, before + x.channels() + i));
        }
        return new ChannelMap(out, x.columnsPerChannel());
      } else if (layer instanceof SliceLayer s && s.axis() == 0) {
        List<Source> out = new ArrayList<>();
        for (int i = s.start(); i < s.end(); i += s.step()) {
          out.add(x.sources().get(i));
        }
        ChannelMap m = new ChannelMap(out, x.columnsPerChannel());
        return s.step() == 1 ? m : pinned(pinned(x, n, "a strided channel slice"), n, "a strided channel slice");
      } else if (layer instanceof ConcatLayer c && c.axis() == 0) {
        if (in.stream().anyMatch(m -> m.columnsPerChannel() != x.columnsPerChannel())) {
          return opaque(in, n, "a concatenation of flattened maps of different sizes");
        }
        List<Source> out = new ArrayList<>();
        in.forEach(m -> out.addAll(m.sources()));
        return new ChannelMap(out, x.columnsPerChannel());
      } else if (layer instanceof AddLayer || layer instanceof MulLayer || layer instanceof ConcatLayer) {
        return join(n, in);
      } else if (layer instanceof TransposeLayer t && t.perm()[0] != 0
          || layer instanceof ReshapeLayer) {
        return opaque(in, n, layer instanceof TransposeLayer ? "a transpose of the channel axis (channel shuffle)"
            : "a reshape that is not a flatten (channel shuffle)");
      } else if (layer instanceof ReluLayer || layer instanceof ClipLayer || layer instanceof SigmoidLayer
          || layer instanceof HardSigmoidLayer || layer instanceof HardSwishLayer || layer instanceof MaxPoolLayer
          || layer instanceof AvgPoolLayer || layer instanceof GlobalAvgPoolLayer || layer instanceof SliceLayer
          || layer instanceof TransposeLayer || layer instanceof ChannelGateLayer) {
        return x; // channels pass through
      }
      throw new IllegalStateException("no channel rule for " + layer);
    }

    /**
     * An element-wise join (add, mul, or a concatenation along a spatial axis): one sum per output channel
     * into which each operand's channel goes; an operand of one channel is broadcast and joins nothing.
     */
    private ChannelMap join(Node n, List<ChannelMap> in) {
      int channels = arch.shape(n.name()).channels();
      List<Source> out = new ArrayList<>();
      for (int i = 0; i < channels; i++) {
        out.add(source(Source.Kind.SUM, null, i));
      }
      for (int k = 0; k < in.size(); k++) {
        ChannelMap m = in.get(k);
        if (m.channels() == 1 && channels > 1) {
          continue;
        }
        String gate = gateMask(n.inputs().get(k));
        for (int i = 0; i < channels; i++) {
          Sum sum = new Sum(out.get(i), gate, gate == null ? -1 : i);
          m.sources().get(i).sums.add(sum);
          union(m.sources().get(i).id, sum.into().id);
        }
      }
      return new ChannelMap(out, in.get(0).columnsPerChannel());
    }

    /** Pins every channel of {@code inputs} at node {@code n}; the output's channels are new and pinned too. */
    private ChannelMap opaque(List<ChannelMap> inputs, Node n, String why) {
      inputs.forEach(m -> pinned(m, n, why));
      List<Source> out = new ArrayList<>();
      for (int i = 0; i < arch.shape(n.name()).channels(); i++) {
        out.add(source(Source.Kind.OPAQUE, null, i));
      }
      return pinned(new ChannelMap(out, 1), n, why);
    }

    private ChannelMap pinned(ChannelMap m, Node n, String why) {
      for (Source s : m.sources()) {
        if (s.pinnedBy == null) {
          s.pinnedBy = n.name() + ": " + why;
        }
      }
      return m;
    }

    /** The mask of the gate that makes {@code tensor}, or null. */
    private String gateMask(String tensor) {
      Node n = arch.node(tensor);
      return n != null && n.layer() instanceof ChannelGateLayer g ? g.maskName() : null;
    }

    private List<Source> produce(PrunableLayer p) {
      List<Source> out = new ArrayList<>();
      for (int u = 0; u < p.outputUnits(); u++) {
        out.add(source(Source.Kind.UNIT, p.name(), u));
      }
      units.put(p.name(), out);
      return out;
    }

    private Source source(Source.Kind kind, String layer, int unit) {
      Source s = new Source(sources.size(), kind, layer, unit);
      sources.add(s);
      parent.add(s.id);
      return s;
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

    /** Joins two classes; the smaller id stays the root, so groups keep forward order. */
    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent.set(Math.max(ra, rb), Math.min(ra, rb));
      }
    }

    private ChannelDependencies collect() {
      Map<Integer, List<Source>> classes = new LinkedHashMap<>();
      for (Source s : sources) {
        classes.computeIfAbsent(find(s.id), k -> new ArrayList<>()).add(s);
      }
      List<UnitGroup> groups = new ArrayList<>();
      Map<String, int[]> groupOfUnit = new LinkedHashMap<>();
      units.forEach((layer, list) -> groupOfUnit.put(layer, new int[list.size()]));
      int[] groupOfSource = new int[sources.size()];
      Arrays.fill(groupOfSource, -1);
      for (List<Source> members : classes.values()) {
        List<UnitGroup.Member> producing = new ArrayList<>();
        List<UnitGroup.Columns> consumers = new ArrayList<>();
        List<UnitGroup.Entry> normalizers = new ArrayList<>();
        boolean input = false;
        boolean output = false;
        String pinnedBy = null;
        for (Source s : members) {
          input |= s.kind == Source.Kind.INPUT;
          output |= s.output;
          pinnedBy = pinnedBy != null ? pinnedBy : s.pinnedBy;
          normalizers.addAll(s.normalizers);
          if (s.kind == Source.Kind.UNIT) {
            producing.add(new UnitGroup.Member(s.layer, s.unit, Optional.ofNullable(s.batchNorm)));
            groupOfUnit.get(s.layer)[s.unit] = groups.size();
          }
          consumers.addAll(s.readers);
        }
        if (producing.isEmpty()) {
          continue; // network input channels that no unit is added to: data, not a group
        }
        for (Source s : members) {
          groupOfSource[s.id] = groups.size();
        }
        UnitGroup.Pin pin = input ? UnitGroup.Pin.NETWORK_INPUT
            : output ? UnitGroup.Pin.CLASSIFIER_OUTPUT : pinnedBy != null ? UnitGroup.Pin.OPERATION : UnitGroup.Pin.NONE;
        groups.add(new UnitGroup(producing, consumers, normalizers, pin, pin == UnitGroup.Pin.OPERATION ? pinnedBy : null));
      }
      return new ChannelDependencies(this, groups, groupOfUnit, groupOfSource);
    }
  }
}
