package dev.prunus.prune;

import dev.prunus.CliName;
import java.util.Arrays;
import java.util.List;

/** Which weights a score-ranking method ranks together: those of all selected layers, or each layer's alone. */
public enum Scope implements CliName {
  /** One ranking over every selected layer: layers end at different densities. */
  GLOBAL("global"),
  /** One ranking per layer: every selected layer keeps the target density. */
  LAYER("layer");

  /** The names, in declaration order. */
  public static final List<String> CHOICES = Arrays.stream(values()).map(Scope::cliName).toList();

  private final String cliName;

  Scope(String cliName) {
    this.cliName = cliName;
  }

  @Override
  public String cliName() {
    return cliName;
  }
}
