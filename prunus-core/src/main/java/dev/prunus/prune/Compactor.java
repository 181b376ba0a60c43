package dev.prunus.prune;

import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.MulLayer;
import dev.prunus.model.Node;
import dev.prunus.model.PadLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The compact applier: physically removes the dead units of a masked model and rebuilds a smaller
 * architecture whose outputs equal the masked model's. Dead units are decided by
 * {@link DeadUnits} over the groups of {@link ChannelDependencies}, so a filter goes with its bias, its
 * batch-norm entries and its consumers' input channels (through conv, batch norm and the next conv), a
 * channel with its block of columns after a flatten, and residual-coupled channels only all together.
 * This is the "surgery" step of structured pruning toolkits such as Torch-Pruning (Fang et al. 2023).
 *
 * <p>Rules and choices:
 * <ul>
 *   <li>The network input channels and the classifier outputs are never removed (pinned groups).
 *   <li>Every prunable layer keeps at least one unit: if all its units are dead, the group of its lowest
 *       dead unit stays (still masked, so it still contributes exactly what it did).
 *   <li>Option-A zero-pad shortcuts are rebuilt, not kept wide: since a block-input channel and the output
 *       channel it is added to are in one group, they go together, and the surviving source channels stay
 *       contiguous; the new {@code padBefore} and {@code padAfter} count the surviving padded channels.
 *   <li>Surviving weights, biases, batch-norm parameters and running statistics are copied unchanged, and
 *       every mask is restricted to the surviving entries (a block's shortcut mask to its surviving
 *       channels), so masks still only shrink.
 * </ul>
 * The returned model's architecture is named {@code <name>-compact}. When nothing is dead the model is
 * returned as it is.
 */
public final class Compactor {
  /** Appended to the name of a compacted architecture. */
  public static final String SUFFIX = "-compact";

  private final Model model;
  private final Map<String, int[]> keptChannels;
  private final Map<String, Tensor> weights = new LinkedHashMap<>();
  private final Map<String, Mask> masks = new LinkedHashMap<>();

  private Compactor(Model model, Map<String, int[]> keptChannels) {
    this.model = model;
    this.keptChannels = keptChannels;
  }

  /** {@code model} with its dead units removed; {@code model} is not changed. */
  public static Model compact(Model model) {
    Architecture arch = model.architecture();
    ChannelDependencies deps = ChannelDependencies.of(arch);
    boolean[] remove = DeadUnits.of(model, deps);
    for (PrunableLayer p : arch.prunableLayers()) {
      int[] g = deps.groupIndices(p.name());
      if (Arrays.stream(g).allMatch(i -> remove[i])) {
        remove[g[0]] = false;
      }
    }
    Map<String, int[]> kept = new LinkedHashMap<>();
    boolean any = false;
    for (String tensor : tensors(arch)) {
      List<ChannelDependencies.Source> sources = deps.tensor(tensor).sources();
      int[] k = IntStream.range(0, sources.size()).filter(i -> {
        int g = deps.groupIndex(sources.get(i));
        return g < 0 || !remove[g];
      }).toArray();
      any |= k.length < sources.size();
      kept.put(tensor, k);
    }
    if (!any) {
      return model;
    }
    Compactor c = new Compactor(model, kept);
    List<Node> nodes = new ArrayList<>();
    for (Node n : arch.nodes()) {
      nodes.add(new Node(n.name(), c.rebuild(n, deps), n.inputs()));
    }
    String name = arch.name().endsWith(SUFFIX) ? arch.name() : arch.name() + SUFFIX;
    Architecture out = new Architecture(name, arch.input(), arch.numClasses(), arch.width(), nodes);
    return new Model(out, new Weights(c.weights), new Masks(c.masks));
  }

  private static List<String> tensors(Architecture arch) {
    List<String> t = new ArrayList<>();
    t.add(Architecture.INPUT);
    arch.nodes().forEach(n -> t.add(n.name()));
    return t;
  }

  /** The layer of node {@code n} over the surviving channels of its input and output tensors. */
  private Layer rebuild(Node n, ChannelDependencies deps) {
    int[] in = keptChannels.get(n.inputs().get(0));
    int[] out = keptChannels.get(n.name());
    Layer layer = n.layer();
    if (layer instanceof ConvLayer c) {
      // a grouped filter reads its group's channels: all of its columns stay (a depthwise filter's one)
      copyPrunable(c, out, c.groups() == 1 ? in : IntStream.range(0, c.inputUnits()).toArray());
      return c.withChannels(in.length, out.length);
    } else if (layer instanceof LinearLayer l) {
      int[] columns = expand(in, deps.tensor(n.input()).columnsPerChannel());
      copyPrunable(l, out, columns);
      return new LinearLayer(l.name(), columns.length, out.length, l.bias());
    } else if (layer instanceof BatchNormLayer b) {
      for (String p : List.of(b.gammaName(), b.betaName(), b.runningMeanName(), b.runningVarName())) {
        copy(p, in, new long[] {in.length});
      }
      return new BatchNormLayer(b.name(), in.length, b.epsilon());
    } else if (layer instanceof ChannelGateLayer g) {
      Mask m = model.masks().get(g.maskName());
      if (m != null) {
        boolean[] keep = new boolean[in.length];
        for (int i = 0; i < keep.length; i++) {
          keep[i] = m.keep()[in[i]];
        }
        masks.put(g.maskName(), new Mask(new long[] {keep.length}, keep));
      }
      return new ChannelGateLayer(g.name(), in.length);
    } else if (layer instanceof PadLayer p && (p.before()[0] > 0 || p.after()[0] > 0)) {
      int before = p.before()[0];
      int width = model.architecture().shape(n.input()).channels();
      int[] b = p.before();
      int[] a = p.after();
      b[0] = (int) Arrays.stream(out).filter(i -> i < before).count();
      a[0] = (int) Arrays.stream(out).filter(i -> i >= before + width).count();
      return new PadLayer(b, a);
    } else if (layer instanceof SliceLayer s && s.axis() == 0) {
      int first = (int) Arrays.stream(in).filter(i -> i < s.start()).count();
      return new SliceLayer(0, first, first + out.length, 1);
    } else if (layer instanceof ReshapeLayer r && r.dims().length == 1) {
      // a flatten: each kept channel brings its values
      int perChannel = deps.tensor(n.input()).columnsPerChannel() * model.architecture().shape(n.input()).perChannel();
      return new ReshapeLayer(new int[] {in.length * perChannel});
    } else if ((layer instanceof AddLayer || layer instanceof MulLayer) && !joinsAlign(n, out)) {
      throw new IllegalStateException("node " + n.name() + " would join different channels together");
    }
    return layer; // ReLU, pooling, flatten, spatial padding and slicing, add: no parameters
  }

  /** True when every operand of a join keeps the output's channels (a broadcast one-channel operand aside). */
  private boolean joinsAlign(Node n, int[] out) {
    for (String t : n.inputs()) {
      int[] k = keptChannels.get(t);
      if (!Arrays.equals(k, out) && model.architecture().shape(t).channels() != 1) {
        return false;
      }
    }
    return true;
  }

  /** Copies the surviving rows {@code units} and input columns {@code columns} of a layer's weight and bias. */
  private void copyPrunable(PrunableLayer p, int[] units, int[] columns) {
    int k = p.weightsPerConnection();
    int[] entries = new int[units.length * columns.length * k];
    int e = 0;
    for (int u : units) {
      for (int c : columns) {
        int base = (u * p.inputUnits() + c) * k;
        for (int j = 0; j < k; j++) {
          entries[e++] = base + j;
        }
      }
    }
    long[] shape = p.weightShape();
    shape[0] = units.length;
    shape[1] = columns.length;
    copy(p.weightName(), entries, shape);
    if (p.hasBias()) {
      copy(p.biasName(), units, new long[] {units.length});
    }
  }

  /** Copies entries {@code entries} (row-major positions) of a parameter and of its mask, if any. */
  private void copy(String parameter, int[] entries, long[] shape) {
    float[] src = model.weights().get(parameter).data();
    float[] values = new float[entries.length];
    for (int i = 0; i < entries.length; i++) {
      values[i] = src[entries[i]];
    }
    weights.put(parameter, new Tensor(shape, values));
    Mask m = model.masks().get(parameter);
    if (m != null) {
      boolean[] keep = new boolean[entries.length];
      for (int i = 0; i < entries.length; i++) {
        keep[i] = m.keep()[entries[i]];
      }
      masks.put(parameter, new Mask(shape, keep));
    }
  }

  /** The columns of surviving channels, each owning {@code per} consecutive columns. */
  private static int[] expand(int[] channels, int per) {
    int[] out = new int[channels.length * per];
    for (int i = 0; i < channels.length; i++) {
      for (int j = 0; j < per; j++) {
        out[i * per + j] = channels[i] * per + j;
      }
    }
    return out;
  }
}
