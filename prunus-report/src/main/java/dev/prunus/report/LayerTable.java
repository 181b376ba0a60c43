package dev.prunus.report;

import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCount;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The per-layer table of {@code prunus info}: shape, parameters, non-zero, density and FLOPs, with totals. */
public final class LayerTable {
  private LayerTable() {}

  public static String render(ModelCount c) {
    TextTable t = new TextTable("layer", "kind", "weight shape", "params", "nonzero", "density",
        "FLOPs", "masked FLOPs", "structured FLOPs");
    for (LayerCount l : c.layers()) {
      t.row(l.name(), l.kind().label(), shape(l.weightShape()), l.params(), l.nonzero(), l.density(),
          l.denseFlops(), l.maskedFlops(), l.structuredFlops());
    }
    t.footer("total", "", "", c.params(), c.nonzero(), c.density(), c.denseFlops(), c.maskedFlops(),
        c.structuredFlops());
    return t + "batch-norm parameters (scale + shift, counted separately): "
        + String.format(java.util.Locale.ROOT, "%,d", c.batchNormParams()) + System.lineSeparator()
        + "FLOPs are multiply-accumulates per example of the conv and linear layers." + System.lineSeparator();
  }

  static String shape(long[] s) {
    return Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("x"));
  }
}
