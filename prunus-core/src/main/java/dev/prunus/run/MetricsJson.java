package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCount;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.Evaluation;
import dev.prunus.train.PhaseTimes;
import java.util.List;

/**
 * Builds {@code metrics.json} in the shape of DESIGN.md section 4: model, dataset, method, seed,
 * accuracy, params, flops, per-layer counts and timing, plus loss, batch-norm parameters, the per-epoch
 * history and the training throughput under their own keys.
 */
public final class MetricsJson {
  private MetricsJson() {}

  /** What a finished run measured. */
  public record Inputs(
      String model, String dataset, String method, long seed, Evaluation test, Evaluation validation,
      ModelCount count, double trainSeconds, double pruneSeconds, PhaseTimes times, List<EpochRecord> history) {}

  public static ObjectNode of(Inputs in) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", in.model());
    root.put("dataset", in.dataset());
    root.put("method", in.method());
    root.put("seed", in.seed());
    ObjectNode acc = root.putObject("accuracy");
    acc.put("test", in.test().accuracy());
    acc.put("validation", in.validation().accuracy());
    ObjectNode loss = root.putObject("loss");
    loss.put("test", in.test().loss());
    loss.put("validation", in.validation().loss());
    ModelCount c = in.count();
    ObjectNode params = root.putObject("params");
    params.put("total", c.params());
    params.put("nonzero", c.nonzero());
    params.put("density", c.density());
    params.put("batch_norm", c.batchNormParams());
    ObjectNode flops = root.putObject("flops");
    flops.put("dense", c.denseFlops());
    flops.put("masked", c.maskedFlops());
    flops.put("structured", c.structuredFlops());
    ArrayNode layers = root.putArray("layers");
    for (LayerCount l : c.layers()) {
      ObjectNode o = layers.addObject();
      o.put("name", l.name());
      o.put("kind", l.kind().label());
      ArrayNode shape = o.putArray("shape");
      for (long d : l.weightShape()) {
        shape.add(d);
      }
      o.put("params", l.params());
      o.put("nonzero", l.nonzero());
      o.put("density", l.density());
      o.put("flops", l.denseFlops());
      o.put("flops_masked", l.maskedFlops());
      o.put("flops_structured", l.structuredFlops());
    }
    ObjectNode timing = root.putObject("timing");
    timing.put("train_s", in.trainSeconds());
    timing.put("prune_s", in.pruneSeconds());
    if (in.times() != null && in.times().steps() > 0) {
      timing.put("train_images_per_s", in.times().imagesPerSecond());
    }
    ArrayNode hist = root.putArray("history");
    for (EpochRecord e : in.history()) {
      ObjectNode o = hist.addObject();
      o.put("epoch", e.epoch());
      o.put("lr", e.lr());
      o.put("train_loss", e.trainLoss());
      o.put("train_accuracy", e.trainAccuracy());
      o.put("validation_loss", e.validationLoss());
      o.put("validation_accuracy", e.validationAccuracy());
      o.put("seconds", e.seconds());
    }
    return root;
  }
}
