package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.method.Magnitude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Magnitude pruning that keeps a network's layer profile: every conv/linear layer keeps the same share of
 * the weights it still has (its largest magnitudes), so that the whole network reaches a final
 * {@code params.density} (weights and biases of the conv/linear layers, as metrics.json counts; biases are
 * not pruned). It is the "optimise for accuracy" phase after a mask made at initialisation (Small-World's
 * phase 3, with {@code prunus prune --final-density}): a global magnitude ranking would
 * instead empty the small first and last layers the layer budget kept denser.
 *
 * <p>Counts: layer l keeps {@code round(s * kept_l)} (at least one weight), {@code s} the share that meets
 * the target; the rounding remainder goes to the layer with the most weights, so the total is exact.
 */
public final class ProportionalMagnitude {
  private ProportionalMagnitude() {}

  /**
   * The plan that takes {@code model} to {@code density} of its parameters.
   *
   * @throws InvalidInputException if the model already keeps no more than that, or the biases alone exceed it
   */
  public static PruningPlan plan(Model model, double density) {
    PruningTarget.ofDensity(density);
    var count = ModelCounter.count(model);
    List<PrunableLayer> layers = model.architecture().prunableLayers();
    long keptWeights = 0;
    long[] kept = new long[layers.size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = LayerSelection.currentMask(model, layers.get(i)).kept();
      keptWeights += kept[i];
    }
    long otherKept = count.nonzero() - keptWeights; // biases
    long target = Math.round(density * count.params()) - otherKept;
    if (density >= count.density()) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "{{finalDensity=%s}} must be below the density the run reaches before it (%.5f)", density, count.density()));
    }
    if (target < layers.size()) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "{{finalDensity=%s}} leaves no weights once the %d biases are counted: the smallest is %.5f", density,
          otherKept, (double) (otherKept + layers.size()) / count.params()));
    }
    double share = (double) target / keptWeights;
    long[] keep = new long[kept.length];
    long sum = 0;
    int largest = 0;
    for (int i = 0; i < kept.length; i++) {
      keep[i] = Math.max(1, Math.round(share * kept[i]));
      sum += keep[i];
      largest = kept[i] > kept[largest] ? i : largest;
    }
    keep[largest] += target - sum;
    Map<String, float[]> magnitudes = Magnitude.scores(model, layers);
    Map<String, Mask> masks = new LinkedHashMap<>();
    Map<String, Object> perLayer = new LinkedHashMap<>();
    for (int i = 0; i < kept.length; i++) {
      PrunableLayer p = layers.get(i);
      Mask current = LayerSelection.currentMask(model, p);
      masks.put(p.weightName(), new Mask(p.weightShape(),
          TopK.largest(magnitudes.get(p.weightName()), current.keep(), keep[i])));
      perLayer.put(p.weightName(), (double) keep[i] / current.size());
    }
    return PruningPlan.ofMasks("magnitude", new Masks(masks), Map.of("scope", "proportional per layer",
        "final_density", density, "layer_density", perLayer));
  }
}
