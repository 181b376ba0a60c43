package dev.prunus.prune;

import java.util.List;
import java.util.Optional;

/**
 * One set of coupled output units that structured pruning must remove together or not at all, with every
 * parameter they own (Li et al. 2017, "Pruning Filters for Efficient ConvNets", section 3.2; the
 * dependency groups of Fang et al. 2023, "DepGraph: Towards Any Structural Pruning").
 *
 * <p>A group outside a residual network is one neuron or filter: one {@link Member}. Residual additions
 * couple the outputs that are added together (a block's last conv, the projection shortcut's conv, the
 * block input through an identity or zero-pad shortcut), so such a group has one member per addend in
 * every block of a stage; a depthwise convolution's filter joins the group of the channel it reads. Each
 * member owns its weight row and its bias entry; the group owns the entries of every batch norm that
 * normalises its channels ({@link #normalizers}: the one after each unit, and in pre-activation networks
 * such as DenseNet those of later layers that normalise the concatenated channel again); the group's
 * {@link Columns consumers} are the input columns of every layer that reads the unit (or the sum),
 * directly or through ReLU, pooling, concatenation, flattening and identity shortcuts.
 *
 * @param members the producing units, in forward order
 * @param consumers the input columns that read the group's value, member by member
 * @param normalizers the batch-norm channels the group's channels pass through
 * @param pin why the group can never be removed, or {@link Pin#NONE}
 * @param pinnedBy for {@link Pin#OPERATION}, the node and why it cannot be pruned through; else null
 */
public record UnitGroup(List<Member> members, List<Columns> consumers, List<Entry> normalizers, Pin pin,
    String pinnedBy) {
  public UnitGroup {
    members = List.copyOf(members);
    consumers = List.copyOf(consumers);
    normalizers = List.copyOf(normalizers);
  }

  /** A group whose only batch-norm entries are those of its members. */
  public UnitGroup(List<Member> members, List<Columns> consumers, Pin pin) {
    this(members, consumers, members.stream().flatMap(m -> m.batchNorm().stream().map(b -> new Entry(b, m.unit())))
        .toList(), pin, null);
  }

  /** Channel {@code channel} of layer {@code layer} (a batch norm). */
  public record Entry(String layer, int channel) {}

  /**
   * Output unit {@code unit} of prunable layer {@code layer}, normalised by channel {@code unit} of the
   * batch norm {@code batchNorm} when one follows it (with only ReLU or pooling between).
   */
  public record Member(String layer, int unit, Optional<String> batchNorm) {}

  /**
   * Input columns {@code [first, first + count)} of prunable layer {@code layer}: one input channel of a
   * convolution ({@code count} 1, each column a {@code k x k} kernel per row), or the block of
   * {@code H*W} consecutive columns a channel owns in the linear layer after a flatten.
   */
  public record Columns(String layer, int first, int count) {}

  /** Why a group is never removable. */
  public enum Pin {
    /** Removable. */
    NONE,
    /** Coupled to the channels of the network input, which are data, not units. */
    NETWORK_INPUT,
    /** The network's outputs: the classifier's logits. */
    CLASSIFIER_OUTPUT,
    /** Passes through an operation the analysis cannot prune through (a grouped convolution, a shuffle). */
    OPERATION
  }

  public boolean removable() {
    return pin == Pin.NONE;
  }

  /** True for a residual-coupled group: more than one unit is added into the same channel. */
  public boolean coupled() {
    return members.size() > 1;
  }

  /** A short name for messages: the first member, e.g. {@code "unit 3 of layer1.0.conv2"}. */
  public String describe() {
    Member m = members.get(0);
    String base = "unit " + m.unit() + " of " + m.layer();
    return coupled() ? base + " (coupled with " + (members.size() - 1) + " more by residual additions)" : base;
  }
}
