package dev.prunus.model;

/** The kinds of prunable layer, as reported in metrics.json ({@code "conv"} or {@code "linear"}). */
public enum LayerKind {
  CONV("conv"),
  LINEAR("linear");

  private final String label;

  LayerKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
