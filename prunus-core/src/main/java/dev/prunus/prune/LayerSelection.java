package dev.prunus.prune;

import dev.prunus.CliName;
import dev.prunus.model.Architecture;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which prunable layers a method touches: all of them, or all but the first and/or last (which many
 * methods keep dense). Also gives each layer's current weight mask (all ones when it has none).
 */
public enum LayerSelection implements CliName {
  /** Every conv and linear layer. */
  ALL("all", true, true),
  /** All but the first. */
  NO_FIRST("no-first", false, true),
  /** All but the last (the classifier). */
  NO_LAST("no-last", true, false),
  /** All but the first and the last. */
  NO_FIRST_LAST("no-first-last", false, false);

  /** The names, in declaration order, for option declarations. */
  public static final List<String> CHOICES = Arrays.stream(values()).map(LayerSelection::cliName).toList();

  private final String cliName;
  private final boolean first;
  private final boolean last;

  LayerSelection(String cliName, boolean first, boolean last) {
    this.cliName = cliName;
    this.first = first;
    this.last = last;
  }

  @Override
  public String cliName() {
    return cliName;
  }

  /** Parses "all", "no-first", "no-last" or "no-first-last". */
  public static LayerSelection parse(String text) {
    return CliName.lookUp(LayerSelection.class, text, "layer selection", "layer selections");
  }

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
