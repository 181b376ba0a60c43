package dev.prunus.prune.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.train.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of one round of a {@link Schedule}, after its retraining: what it aimed at, the density it
 * reached overall and per layer (of the architecture pruned, before any compaction), parameters and
 * FLOPs, the accuracies before and after training (the test accuracy is reported, never used to choose
 * anything), the method's details of the round's plan and, for residual networks with shortcut masks,
 * each block's mask as 0/1 per channel. Written into metrics.json under {@code pruning.rounds}, with
 * these names.
 *
 * @param targetDensity the round's target, or null for a method whose density is an outcome
 * @param phase null for a pruning round; a description for the final phase
 * @param bestEpoch the epoch kept when the schedule keeps the best validation epoch, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Round(
    @JsonProperty("round") int number,
    @JsonProperty("phase") String phase,
    @JsonProperty("target_density") Double targetDensity,
    @JsonProperty("density") double density,
    @JsonProperty("validation_accuracy_before_training") double validationAccuracyBeforeTraining,
    @JsonProperty("best_epoch") Integer bestEpoch,
    @JsonProperty("params_nonzero") long paramsNonzero,
    @JsonProperty("params_total") long paramsTotal,
    @JsonProperty("flops_dense") long flopsDense,
    @JsonProperty("validation_accuracy") double validationAccuracy,
    @JsonProperty("test_accuracy") double testAccuracy,
    @JsonProperty("structured_flops") long structuredFlops,
    @JsonProperty("layer_density") Map<String, Double> layerDensity,
    @JsonProperty("details") Map<String, Object> details,
    @JsonProperty("shortcut_masks") Map<String, int[]> shortcutMasks) {

  public Round {
    layerDensity = layerDensity == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerDensity));
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    shortcutMasks = shortcutMasks == null || shortcutMasks.isEmpty() ? null
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shortcutMasks));
  }

  /** The record of round {@code number} whose trained model is {@code model}. */
  static Round of(int number, String phase, Double targetDensity, double density, double validationBefore,
      Integer bestEpoch, Model model, Map<String, Object> details, Evaluation validation, Evaluation test) {
    ModelCount c = ModelCounter.count(model);
    Map<String, Double> layers = new LinkedHashMap<>();
    for (LayerCount l : c.layers()) {
      layers.put(l.name(), l.density());
    }
    Map<String, int[]> shortcuts = new LinkedHashMap<>();
    for (String name : model.architecture().shortcutMaskShapes().keySet()) {
      Mask m = model.masks().get(name);
      if (m != null) {
        int[] bits = new int[m.size()];
        for (int i = 0; i < bits.length; i++) {
          bits[i] = m.keep()[i] ? 1 : 0;
        }
        shortcuts.put(name, bits);
      }
    }
    return new Round(number, phase, targetDensity, density, validationBefore, bestEpoch, c.nonzero(), c.params(),
        c.denseFlops(), validation.accuracy(), test.accuracy(), c.structuredFlops(), layers, details, shortcuts);
  }
}
