package dev.prunus.measure;

import dev.prunus.model.LayerKind;

/**
 * Counts for one prunable layer. FLOPs are multiply-accumulates per example:
 * <ul>
 *   <li>{@code denseFlops}: every weight used at every output position ({@code out*in*k*k*H'*W'});
 *   <li>{@code maskedFlops}: only non-zero weights (density times dense FLOPs, exactly);
 *   <li>{@code structuredFlops}: what physically removing dead units would leave: live output units times
 *       live input units times {@code k*k*H'*W'}. An output unit is live when its mask keeps any weight of
 *       its row; an input unit when the mask keeps any weight of its column.
 * </ul>
 * {@code params} and {@code nonzero} (entries the masks keep) cover the weight and the bias.
 */
public record LayerCount(
    String name,
    LayerKind kind,
    long[] weightShape,
    long params,
    long nonzero,
    long denseFlops,
    long maskedFlops,
    long structuredFlops,
    int liveOutputs,
    int liveInputs) {

  public double density() {
    return params == 0 ? 1.0 : (double) nonzero / params;
  }
}
