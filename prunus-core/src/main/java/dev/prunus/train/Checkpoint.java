package dev.prunus.train;

import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a training run after {@code epochsDone} epochs: the model, the
 * optimiser state and the history so far. (The data order of an epoch depends only on the seed and the
 * epoch number, so no random-generator state is needed.)
 */
public record Checkpoint(int epochsDone, Model model, Map<String, Tensor> optimizerState, List<EpochRecord> history) {
  public Checkpoint {
    optimizerState = Map.copyOf(optimizerState);
    history = List.copyOf(history);
  }
}
