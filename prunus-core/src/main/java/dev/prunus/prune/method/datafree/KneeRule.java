package dev.prunus.prune.method.datafree;

import dev.prunus.CliName;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How {@link DataFree} finds the knee of a layer's saliency curve (see {@link KneePoint}). */
public enum KneeRule implements CliName {
  /** The point farthest below the chord of the log curve (Satopää et al. 2011), the default. */
  KNEEDLE,
  /** The largest second difference: degenerate on trained networks, where it picks the last merges. */
  SECOND_DIFFERENCE;

  /** The names, in declaration order. */
  public static final List<String> CHOICES = Arrays.stream(values()).map(KneeRule::cliName).toList();

  @Override
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
