package dev.prunus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCount;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.Evaluation;
import dev.prunus.train.PhaseTimes;
import java.util.List;

/**
 * Builds {@code metrics.json}: model, dataset, method, seed,
 * accuracy, params, flops, per-layer counts and timing, plus loss, batch-norm parameters, the per-epoch
 * history and the training throughput under their own keys.
 *
 * <p>{@code params.total}, {@code params.density} and {@code flops.dense} count the model as saved; a
 * compacted model is smaller than the architecture it was pruned from. {@code params.dense_total} and
 * {@code flops.dense_total} count that dense architecture, and {@code params.density_vs_dense}
 * (non-zero over dense total) and {@code params.compression} (its inverse) compare against it: these are
 * what tables and reports compare runs by. Without compaction the two agree.
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
    putCounts(root, in.count());
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

  /**
   * Puts a model's counts into {@code root}: {@code params}, {@code flops} (each with its dense reference, the
   * model's own counts) and the per-layer {@code layers}, as every run's metrics.json holds them.
   */
  public static void putCounts(ObjectNode root, ModelCount c) {
    ObjectNode params = root.putObject("params");
    params.put("total", c.params());
    params.put("nonzero", c.nonzero());
    params.put("density", c.density());
    params.put("batch_norm", c.batchNormParams());
    ObjectNode flops = root.putObject("flops");
    flops.put("dense", c.denseFlops());
    flops.put("masked", c.maskedFlops());
    flops.put("structured", c.structuredFlops());
    putDenseReference(root, c.params(), c.denseFlops());
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
  }

  /**
   * Refers a pruning run's density, compression and dense FLOPs to the architecture it pruned, which
   * its round records count ({@code pruning.rounds[*].params_total} and {@code flops_dense}): after
   * {@code --compact} the saved model is smaller, and its own {@code params.total} would call a model
   * that lost half its parameters dense. Runs without round records keep their own counts.
   */
  public static void referToPrunedArchitecture(ObjectNode metrics) {
    JsonNode rounds = metrics.at("/pruning/rounds");
    if (!rounds.isArray() || rounds.isEmpty() || !metrics.path("params").isObject()) {
      return;
    }
    JsonNode first = rounds.get(0);
    if (first.has("params_total") && first.has("flops_dense")) {
      putDenseReference(metrics, first.get("params_total").asLong(), first.get("flops_dense").asLong());
    }
  }

  /**
   * {@code params.dense_total}, {@code params.density_vs_dense}, {@code params.compression} and
   * {@code flops.dense_total}: the counts of the dense architecture the run started from, and the kept
   * parameters against them (compression is null when nothing is kept).
   */
  private static void putDenseReference(ObjectNode root, long denseParams, long denseFlops) {
    ObjectNode params = (ObjectNode) root.get("params");
    long nonzero = params.get("nonzero").asLong();
    params.put("dense_total", denseParams);
    params.put("density_vs_dense", denseParams == 0 ? 1.0 : (double) nonzero / denseParams);
    if (nonzero == 0) {
      params.putNull("compression");
    } else {
      params.put("compression", (double) denseParams / nonzero);
    }
    ((ObjectNode) root.get("flops")).put("dense_total", denseFlops);
  }
}
