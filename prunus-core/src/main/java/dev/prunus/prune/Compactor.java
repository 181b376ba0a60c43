package dev.prunus.prune;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
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
 * architecture whose outputs equal the masked model's (DESIGN.md section 3). Dead units are decided by
 * {@link DeadUnits} over the groups of {@link UnitCoupling}, so a filter goes with its bias, its
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
  private final Map<String, int[]> keptUnits;
  private final Map<String, Tensor> weights = new LinkedHashMap<>();
  private final Map<String, Mask> masks = new LinkedHashMap<>();

  private Compactor(Model model, Map<String, int[]> keptUnits) {
    this.model = model;
    this.keptUnits = keptUnits;
  }

  /** {@code model} with its dead units removed; {@code model} is not changed. */
  public static Model compact(Model model) {
    Architecture arch = model.architecture();
    UnitCoupling coupling = UnitCoupling.of(arch);
    boolean[] remove = DeadUnits.of(model, coupling);
    for (PrunableLayer p : arch.prunableLayers()) {
      int[] g = coupling.groupIndices(p.name());
      if (Arrays.stream(g).allMatch(i -> remove[i])) {
        remove[g[0]] = false;
      }
    }
    boolean any = false;
    Map<String, int[]> kept = new LinkedHashMap<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      int[] g = coupling.groupIndices(p.name());
      int[] k = IntStream.range(0, g.length).filter(u -> !remove[g[u]]).toArray();
      any |= k.length < g.length;
      kept.put(p.name(), k);
    }
    if (!any) {
      return model;
    }
    Compactor c = new Compactor(model, kept);
    int[] inputChannels = IntStream.range(0, arch.input().channels()).toArray();
    List<Layer> layers = new ArrayList<>();
    c.walk(arch.layers(), new Flow(inputChannels, arch.input(), 1), layers);
    String name = arch.name().endsWith(SUFFIX) ? arch.name() : arch.name() + SUFFIX;
    Architecture out = new Architecture(name, arch.input(), arch.numClasses(), arch.width(), layers);
    return new Model(out, new Weights(c.weights), new Masks(c.masks));
  }

  /**
   * What flows between layers: the original indices of the surviving channels, the original shape, and
   * the columns per channel (H*W after a flatten).
   */
  private record Flow(int[] channels, FeatureShape shape, int columnsPerChannel) {}

  private Flow walk(List<Layer> layers, Flow in, List<Layer> out) {
    Flow f = in;
    for (Layer l : layers) {
      f = step(l, f, out);
    }
    return f;
  }

  private Flow step(Layer layer, Flow in, List<Layer> out) {
    FeatureShape shape = layer.outputShape(in.shape());
    if (layer instanceof ConvLayer c) {
      int[] units = keptUnits.get(c.name());
      out.add(new ConvLayer(c.name(), in.channels().length, units.length, c.kernel(), c.stride(), c.padding(), c.bias()));
      copyPrunable(c, units, in.channels());
      return new Flow(units, shape, 1);
    } else if (layer instanceof LinearLayer l) {
      int[] units = keptUnits.get(l.name());
      int[] columns = expand(in.channels(), in.columnsPerChannel());
      out.add(new LinearLayer(l.name(), columns.length, units.length, l.bias()));
      copyPrunable(l, units, columns);
      return new Flow(units, shape, 1);
    } else if (layer instanceof BatchNormLayer b) {
      out.add(new BatchNormLayer(b.name(), in.channels().length));
      for (String p : List.of(b.gammaName(), b.betaName(), b.runningMeanName(), b.runningVarName())) {
        copy(p, in.channels(), new long[] {in.channels().length});
      }
      return new Flow(in.channels(), shape, in.columnsPerChannel());
    } else if (layer instanceof FlattenLayer) {
      out.add(layer);
      return new Flow(in.channels(), shape, in.columnsPerChannel() * in.shape().height() * in.shape().width());
    } else if (layer instanceof ResidualBlock r) {
      List<Layer> branch = new ArrayList<>();
      Flow sum = walk(r.branch(), in, branch);
      Shortcut shortcut = shortcut(r, in, sum.channels());
      out.add(new ResidualBlock(r.name(), branch, shortcut));
      Mask m = model.masks().get(r.shortcutMaskName());
      if (m != null) {
        boolean[] keep = new boolean[sum.channels().length];
        for (int i = 0; i < keep.length; i++) {
          keep[i] = m.keep()[sum.channels()[i]];
        }
        masks.put(r.shortcutMaskName(), new Mask(new long[] {keep.length}, keep));
      }
      return new Flow(sum.channels(), shape, 1);
    }
    out.add(layer); // ReLU, pooling, spatial zero padding: no parameters, channels pass through
    return new Flow(in.channels(), shape, in.columnsPerChannel());
  }

  private Shortcut shortcut(ResidualBlock r, Flow in, int[] sum) {
    Shortcut s = r.shortcut();
    if (s instanceof Shortcut.Identity) {
      requireCoupled(r, Arrays.equals(sum, in.channels()));
      return s;
    } else if (s instanceof Shortcut.ZeroPad z) {
      int width = in.shape().channels();
      int before = (int) Arrays.stream(sum).filter(c -> c < z.padBefore()).count();
      int after = (int) Arrays.stream(sum).filter(c -> c >= z.padBefore() + width).count();
      int[] sourced = Arrays.stream(sum).filter(c -> c >= z.padBefore() && c < z.padBefore() + width)
          .map(c -> c - z.padBefore()).toArray();
      requireCoupled(r, Arrays.equals(sourced, in.channels()));
      return new Shortcut.ZeroPad(z.stride(), before, after);
    } else if (s instanceof Shortcut.Projection p) {
      List<Layer> projection = new ArrayList<>();
      Flow f = step(p.batchNorm(), step(p.conv(), in, projection), projection);
      requireCoupled(r, Arrays.equals(sum, f.channels()));
      return new Shortcut.Projection((ConvLayer) projection.get(0), (BatchNormLayer) projection.get(1));
    }
    throw new IllegalStateException("no compaction rule for shortcut " + s);
  }

  private static void requireCoupled(ResidualBlock r, boolean same) {
    if (!same) {
      throw new IllegalStateException("residual block " + r.name() + " would add different channels together");
    }
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
