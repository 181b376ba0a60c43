package dev.prunus.prune;

import dev.prunus.data.ImageSet;
import java.util.Optional;

/**
 * What a method is told besides the model: the target, the seed for every random choice, (for the
 * methods that need it, e.g. SNIP or NNrelief) the training data, already normalised, and where to report
 * the progress of a slow plan. The current masks are the model's own ({@code model.masks()}); a plan's masks
 * must only shrink them.
 */
public record PruningContext(PruningTarget target, long seed, Optional<ImageSet> trainingData, PlanProgress progress) {
  /** A context whose progress reports go nowhere. */
  public PruningContext(PruningTarget target, long seed, Optional<ImageSet> trainingData) {
    this(target, seed, trainingData, PlanProgress.NONE);
  }

  public static PruningContext withoutData(PruningTarget target, long seed) {
    return new PruningContext(target, seed, Optional.empty());
  }

  /** The training data, or a clear error naming the method that needs it. */
  public ImageSet requireData(String method) {
    return trainingData.orElseThrow(() -> new dev.prunus.InvalidInputException(
        "method " + method + " scores weights on training data, but none was given: pass {{trainingData|dataset}} "
            + "(the images the model was trained on)"));
  }
}
