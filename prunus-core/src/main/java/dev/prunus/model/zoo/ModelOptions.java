package dev.prunus.model.zoo;

import dev.prunus.model.FeatureShape;
import java.util.List;

/**
 * How to build a zoo model: the input shape, the number of classes, the width multiplier, and for
 * {@code vgg16} the hidden sizes of the classifier head (empty: one FC layer to the classes).
 */
public record ModelOptions(FeatureShape input, int classes, double width, List<Integer> vggHidden) {
  public ModelOptions {
    vggHidden = List.copyOf(vggHidden);
    if (classes < 2) {
      throw new IllegalArgumentException("classes=" + classes + " must be at least 2");
    }
  }
}
