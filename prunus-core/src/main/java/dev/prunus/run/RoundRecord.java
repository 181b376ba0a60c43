package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.prune.PruningPlan;
import dev.prunus.train.Evaluation;

/**
 * The record of one pruning round in metrics.json, after its retraining: the density overall and per
 * layer, parameters kept and in all (of the architecture pruned, before any compaction), its dense
 * FLOPs, accuracies (the test accuracy is reported, never used to choose anything),
 * structured FLOPs, the method's details of the round's plan, and, for residual networks with shortcut
 * masks, each block's mask as 0/1 per channel.
 */
final class RoundRecord {
  private RoundRecord() {}

  static void finish(ObjectNode round, Model model, PruningPlan plan, Evaluation validation, Evaluation test) {
    ModelCount c = ModelCounter.count(model);
    round.put("params_nonzero", c.nonzero());
    round.put("params_total", c.params());
    round.put("flops_dense", c.denseFlops());
    round.put("validation_accuracy", validation.accuracy());
    round.put("test_accuracy", test.accuracy());
    round.put("structured_flops", c.structuredFlops());
    ObjectNode layers = round.putObject("layer_density");
    for (LayerCount l : c.layers()) {
      layers.put(l.name(), l.density());
    }
    round.set("details", Json.MAPPER.valueToTree(plan.details()));
    ObjectNode shortcuts = Json.MAPPER.createObjectNode();
    for (String name : model.architecture().shortcutMaskShapes().keySet()) {
      Mask m = model.masks().get(name);
      if (m != null) {
        ArrayNode a = shortcuts.putArray(name);
        for (boolean k : m.keep()) {
          a.add(k ? 1 : 0);
        }
      }
    }
    if (!shortcuts.isEmpty()) {
      round.set("shortcut_masks", shortcuts);
    }
  }
}
