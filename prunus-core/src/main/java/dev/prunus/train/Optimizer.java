package dev.prunus.train;

import dev.prunus.model.Tensor;
import java.util.Map;

/**
 * A stateful optimiser over a network's trainable parameters. Mutable: it owns its state (momentum
 * buffers, moments) in native memory. Build a new one after pruning so that no stale state can revive a
 * pruned weight; close it when done.
 */
public interface Optimizer extends AutoCloseable {
  /** Updates every parameter from its gradient at learning rate {@code lr}, then zeroes the gradients. */
  void step(double lr);

  /** The state by name (for checkpoints). */
  Map<String, Tensor> state();

  /** Restores a state returned by {@link #state()} on the same parameters. */
  void loadState(Map<String, Tensor> state);

  @Override
  void close();
}
