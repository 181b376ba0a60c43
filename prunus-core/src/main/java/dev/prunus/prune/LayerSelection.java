package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which prunable layers a method touches: all of them, or all but the first and/or last (which many
 * methods keep dense). Also gives each layer's current weight mask (all ones when it has none).
 */
public record LayerSelection(boolean first, boolean last) {
  public static final LayerSelection ALL = new LayerSelection(true, true);

  /** Parses "all", "no-first", "no-last" or "no-first-last". */
  public static LayerSelection parse(String text) {
    return switch (text) {
      case "all" -> ALL;
      case "no-first" -> new LayerSelection(false, true);
      case "no-last" -> new LayerSelection(true, false);
      case "no-first-last" -> new LayerSelection(false, false);
      default -> throw new InvalidInputException(
          "layers '" + text + "' is not one of: all, no-first, no-last, no-first-last");
    };
  }

  public static final List<String> CHOICES = List.of("all", "no-first", "no-last", "no-first-last");

  public List<PrunableLayer> select(Architecture arch) {
    List<PrunableLayer> all = arch.prunableLayers();
    List<PrunableLayer> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if ((i == 0 && !first) || (i == all.size() - 1 && !last)) {
        continue;
      }
      out.add(all.get(i));
    }
    return out;
  }

  /** The current mask of {@code layer}'s weight in {@code model}, or all ones. */
  public static Mask currentMask(Model model, PrunableLayer layer) {
    Mask m = model.masks().get(layer.weightName());
    return m != null ? m : Mask.ones(layer.weightShape());
  }
}
