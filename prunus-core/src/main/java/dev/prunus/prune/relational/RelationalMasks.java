package dev.prunus.prune.relational;

import dev.prunus.InvalidInputException;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.model.Architecture;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.ChannelDependencies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph-to-mask mapping shared by RGP and Small-World, which differ only in how the graph is made: a
 * relational graph on n nodes maps onto every masked layer. The layer's output channels and its input
 * channels are each split into n contiguous {@link ChannelGroups}, and the block (out-group u, in-group v) of
 * the weight (for a convolution, every kernel {@code W[o, i, :, :]} of it) is kept iff u and v are adjacent
 * in the graph; the diagonal block (u, u) is kept iff u has a self-loop. The same graph masks every layer, so
 * node identity runs through the depth of the network.
 *
 * <p>Linear layers map the same way. A linear layer fed by a flatten of a {@code C x H x W} feature map
 * groups its input <i>channels</i>: channel c owns columns {@code [c*H*W, (c+1)*H*W)} (the layout of
 * {@link FlattenLayer}), so its columns follow the groups of the convolution before it. (When n divides C
 * this is the same as grouping the columns themselves.)
 *
 * <p>With a k-regular loop-free graph and n dividing both channel counts, a masked layer keeps exactly k/n
 * of its weights; otherwise the unequal groups move it slightly.
 */
public final class RelationalMasks {
  private RelationalMasks() {}

  /**
   * How a layer's input is split into channels: {@code channels} input channels, each owning
   * {@code columnsPerChannel} consecutive input columns (1 except for a linear layer after a flatten).
   */
  public record InputChannels(int channels, int columnsPerChannel) {}

  /** The input channels of every prunable layer of {@code arch}, by layer name. */
  public static Map<String, InputChannels> inputChannels(Architecture arch) {
    ChannelDependencies deps = ChannelDependencies.of(arch);
    Map<String, InputChannels> out = new LinkedHashMap<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      ChannelDependencies.ChannelMap in = deps.input(p.name());
      out.put(p.name(), new InputChannels(in.channels(), in.columnsPerChannel()));
    }
    return out;
  }

  /**
   * Masks for {@code layers} of {@code arch} from {@code graph}, the channel groups drawn from
   * {@code seed}.
   *
   * @throws InvalidInputException if a layer has fewer channels than the graph has nodes, naming the layer
   *     and the largest valid node count
   */
  public static Masks of(UndirectedGraph graph, Architecture arch, List<PrunableLayer> layers, long seed) {
    int n = graph.nodeCount();
    Map<String, InputChannels> inputs = inputChannels(arch);
    checkNodeCount(n, arch, layers, inputs);
    Map<String, Mask> out = new LinkedHashMap<>();
    for (PrunableLayer p : layers) {
      InputChannels in = inputs.get(p.name());
      ChannelGroups outGroups = ChannelGroups.split(p.outputUnits(), n, seed);
      ChannelGroups inGroups = ChannelGroups.split(in.channels(), n, seed);
      int columns = p.inputUnits();
      int perColumn = p.weightsPerConnection();
      boolean[] keep = new boolean[p.outputUnits() * columns * perColumn];
      for (int o = 0; o < p.outputUnits(); o++) {
        int u = outGroups.groupOf(o);
        for (int col = 0; col < columns; col++) {
          if (graph.hasEdge(u, inGroups.groupOf(col / in.columnsPerChannel()))) {
            int at = (o * columns + col) * perColumn;
            java.util.Arrays.fill(keep, at, at + perColumn, true);
          }
        }
      }
      out.put(p.weightName(), new Mask(p.weightShape(), keep));
    }
    return new Masks(out);
  }

  /**
   * The kept share of the weights of every conv/linear layer of {@code arch} under {@code masks}, a layer
   * without a mask counting as dense (the whole network's weight density, which RGP and Small-World record).
   */
  public static double networkWeightDensity(Architecture arch, Masks masks) {
    long all = 0;
    long kept = 0;
    for (PrunableLayer p : arch.prunableLayers()) {
      Mask m = masks.get(p.weightName());
      long size = (long) p.outputUnits() * p.inputUnits() * p.weightsPerConnection();
      all += size;
      kept += m == null ? size : m.kept();
    }
    return (double) kept / all;
  }

  /** The graph's edges as {u, v} pairs, as metrics.json records them. */
  public static List<int[]> edgePairs(UndirectedGraph graph) {
    return graph.edges().stream().map(e -> new int[] {e.u(), e.v()}).toList();
  }

  /**
   * The largest node count every one of {@code layers} can be split into: the smallest input or output
   * channel count among them.
   */
  public static int largestNodeCount(Architecture arch, List<PrunableLayer> layers) {
    return largestNodeCount(layers, inputChannels(arch));
  }

  private static int largestNodeCount(List<PrunableLayer> layers, Map<String, InputChannels> inputs) {
    int min = Integer.MAX_VALUE;
    for (PrunableLayer p : layers) {
      min = Math.min(min, Math.min(p.outputUnits(), inputs.get(p.name()).channels()));
    }
    return min;
  }

  /**
   * Checks that every layer has at least {@code n} input and output channels.
   *
   * @throws InvalidInputException naming the first layer that has too few, and the largest valid n
   */
  public static void checkNodeCount(int n, Architecture arch, List<PrunableLayer> layers) {
    checkNodeCount(n, arch, layers, inputChannels(arch));
  }

  private static void checkNodeCount(int n, Architecture arch, List<PrunableLayer> layers,
      Map<String, InputChannels> inputs) {
    if (layers.isEmpty()) {
      throw new InvalidInputException(arch.name() + " has no layer to mask: with the first and last layers dense, "
          + "a relational graph needs a model with at least three conv/linear layers");
    }
    for (PrunableLayer p : layers) {
      int channels = Math.min(p.outputUnits(), inputs.get(p.name()).channels());
      if (channels < n) {
        throw new InvalidInputException("{{nodes=" + n + "}} is more than layer " + p.name() + " of " + arch.name()
            + " has channels (" + inputs.get(p.name()).channels() + " in, " + p.outputUnits()
            + " out): every node needs at least one channel; the largest valid {{nodes}} is "
            + largestNodeCount(layers, inputs));
      }
    }
  }
}
