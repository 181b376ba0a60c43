package dev.prunus.prune.relational;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The split of {@code channels} channels into {@code nodes} contiguous groups, the nodes of a relational
 * graph: every group holds {@code floor(C/n)} or {@code ceil(C/n)} channels, and which
 * {@code C mod n} groups are the larger ones is decided by a permutation drawn from {@code seed}. Groups
 * are contiguous runs of channel indices in node order: node 0 owns the first run, node n-1 the last.
 *
 * <p>The split depends only on {@code (channels, nodes, seed)}, so two layers with the same channel count
 * are split alike, and a layer's output groups are the next layer's input groups: node identity runs
 * through the depth of the network. (RGP's code draws the permutation with numpy's seed 1 at every
 * layer, which has the same property; Prunus draws it from the run's seed.)
 */
public final class ChannelGroups {
  private final int nodes;
  private final int[] groupOfChannel;
  private final int[] start;

  private ChannelGroups(int nodes, int[] groupOfChannel, int[] start) {
    this.nodes = nodes;
    this.groupOfChannel = groupOfChannel;
    this.start = start;
  }

  /**
   * Splits {@code channels} channels into {@code nodes} groups.
   *
   * @throws IllegalArgumentException unless {@code 1 <= nodes <= channels}
   */
  public static ChannelGroups split(int channels, int nodes, long seed) {
    if (nodes < 1 || nodes > channels) {
      throw new IllegalArgumentException(
          "cannot split " + channels + " channels into " + nodes + " non-empty groups: nodes must be in [1, " + channels + "]");
    }
    int base = channels / nodes;
    int larger = channels % nodes;
    int[] size = new int[nodes];
    Arrays.fill(size, base);
    if (larger > 0) {
      int[] order = dev.prunus.Shuffle.permutation(nodes, new SplittableRandom(mix(seed, channels, nodes)));
      for (int i = 0; i < larger; i++) {
        size[order[i]]++;
      }
    }
    int[] start = new int[nodes + 1];
    int[] group = new int[channels];
    for (int g = 0; g < nodes; g++) {
      start[g + 1] = start[g] + size[g];
      Arrays.fill(group, start[g], start[g + 1], g);
    }
    return new ChannelGroups(nodes, group, start);
  }

  /** The number of groups (graph nodes). */
  public int nodes() {
    return nodes;
  }

  /** The number of channels split. */
  public int channels() {
    return groupOfChannel.length;
  }

  /** The node that owns channel {@code c}. */
  public int groupOf(int c) {
    return groupOfChannel[c];
  }

  /** The number of channels of node {@code g}. */
  public int size(int g) {
    return start[g + 1] - start[g];
  }

  /** The first channel of node {@code g}; its channels are {@code [first(g), first(g) + size(g))}. */
  public int first(int g) {
    return start[g];
  }

  private static long mix(long seed, int channels, int nodes) {
    return seed * 0x9E3779B97F4A7C15L + ((long) channels << 32) + nodes;
  }
}
