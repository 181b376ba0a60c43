package dev.prunus.model;

/**
 * A layer with a name of its own, which its {@link Node} shares: one with parameters (conv, linear, batch
 * norm), named {@code name.weight} and so on, or a {@link ChannelGateLayer}, whose mask is named after it.
 */
public interface NamedLayer {
  String name();
}
