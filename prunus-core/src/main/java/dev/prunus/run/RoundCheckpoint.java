package dev.prunus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.PhaseTimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a pruning run stands after its round {@code roundsDone} (prune and retrain), enough to continue
 * it after a kill ({@link PruneRun#resume}): the model after the round (weights and masks, shortcut masks
 * included); metrics.json's {@code pruning} record so far, with the records of the rounds done; the
 * details of the last plan (null before the first round); and what the rounds add up to (seconds spent
 * pruning and training, phase times, the epoch history). Stored as one {@link ModelFile}, the rest in its
 * metadata, so that one atomic write keeps the model and the records of the same round together.
 */
record RoundCheckpoint(
    int roundsDone, Model model, ObjectNode pruning, JsonNode details, double pruneSeconds, double trainSeconds,
    PhaseTimes times, List<EpochRecord> history) {
  RoundCheckpoint {
    pruning = pruning.deepCopy();
    history = List.copyOf(history);
  }

  /** A copy of the pruning record, to go on with. */
  @Override
  public ObjectNode pruning() {
    return pruning.deepCopy();
  }

  /** Writes this checkpoint of a run of {@code config} (stamped with it, see {@link RunFileCheck}). */
  void write(Path file, TrainingRunConfig config) {
    ObjectNode meta = RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config);
    meta.put(RunDirectory.ROUNDS_DONE, roundsDone);
    meta.set("pruning", pruning);
    meta.set("details", details);
    meta.put("prune_seconds", pruneSeconds);
    meta.put("train_seconds", trainSeconds);
    meta.set("times", Json.MAPPER.valueToTree(times));
    meta.set("history", Json.MAPPER.valueToTree(history));
    ModelFile.write(file, model, Map.of(), meta);
  }

  /** The round checkpoint of {@code run}, checked against its provenance. */
  static RoundCheckpoint read(RunDirectory run) {
    Path file = run.roundCheckpoint();
    ModelFile.Stored s = run.readModelFile(file);
    JsonNode meta = s.meta();
    if (!meta.has(RunDirectory.ROUNDS_DONE) || !meta.path("pruning").isObject()
        || !meta.path("history").isArray()) {
      throw new InvalidInputException(file + " is not a round checkpoint this version of Prunus wrote: "
          + "delete its run directory and start the run again");
    }
    List<EpochRecord> history = new ArrayList<>();
    for (JsonNode e : meta.get("history")) {
      history.add(Json.MAPPER.convertValue(e, EpochRecord.class));
    }
    JsonNode details = meta.get("details");
    return new RoundCheckpoint(meta.get(RunDirectory.ROUNDS_DONE).asInt(), s.model(), (ObjectNode) meta.get("pruning"),
        details == null || details.isNull() ? null : details, meta.get("prune_seconds").asDouble(),
        meta.get("train_seconds").asDouble(), Json.MAPPER.convertValue(meta.get("times"), PhaseTimes.class), history);
  }
}
