package dev.prunus.prune;

/** What a pruning method removes. */
public enum Granularity {
  /** Single weights. */
  WEIGHT,
  /** One kernel {@code W[o, i, :, :]}: one connection between an input and an output channel. */
  KERNEL,
  /** A whole neuron or filter: a row of the weight, its bias, and its outgoing connections. */
  UNIT,
  /** Blocks between channel groups given by a relational graph (RGP, Small-World). */
  CHANNEL_GROUP
}
