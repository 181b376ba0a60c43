package dev.prunus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.io.ModelFile;
import dev.prunus.prune.schedule.Round;
import dev.prunus.prune.schedule.ScheduleState;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.PhaseTimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pruning run's {@link ScheduleState} after a round, stored so that {@link PruneRun#resume} can continue
 * after a kill: one {@link ModelFile} (the model with its masks, shortcut masks included) whose metadata
 * holds the round records, the last plan's details and the totals, so that one atomic write keeps the
 * model and the records of the same round together.
 */
final class RoundCheckpoint {
  private RoundCheckpoint() {}

  /** Writes {@code state} of a run of {@code config} (stamped with it, see {@link RunFileCheck}). */
  static void write(Path file, ScheduleState state, TrainingRunConfig config) {
    ObjectNode meta = RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config);
    meta.put(RunDirectory.ROUNDS_DONE, state.roundsDone());
    meta.set("rounds", Json.MAPPER.valueToTree(state.rounds()));
    meta.set("details", Json.MAPPER.valueToTree(state.details()));
    meta.put("prune_seconds", state.pruneSeconds());
    meta.put("train_seconds", state.trainSeconds());
    meta.set("times", Json.MAPPER.valueToTree(state.times()));
    meta.set("history", Json.MAPPER.valueToTree(state.history()));
    ModelFile.write(file, state.model(), Map.of(), meta);
  }

  /** The schedule state in {@code run}'s round checkpoint, checked against its provenance. */
  static ScheduleState read(RunDirectory run) {
    Path file = run.roundCheckpoint();
    ModelFile.Stored s = run.readModelFile(file);
    JsonNode meta = s.meta();
    if (!meta.has(RunDirectory.ROUNDS_DONE) || !meta.path("rounds").isArray() || !meta.path("history").isArray()) {
      throw new InvalidInputException(file + " is not a round checkpoint this version of Prunus wrote: "
          + "delete its run directory and start the run again");
    }
    List<Round> rounds = new ArrayList<>();
    for (JsonNode r : meta.get("rounds")) {
      rounds.add(Json.MAPPER.convertValue(r, Round.class));
    }
    List<EpochRecord> history = new ArrayList<>();
    for (JsonNode e : meta.get("history")) {
      history.add(Json.MAPPER.convertValue(e, EpochRecord.class));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> details = meta.path("details").isObject()
        ? Json.MAPPER.convertValue(meta.get("details"), LinkedHashMap.class) : Map.of();
    return new ScheduleState(meta.get(RunDirectory.ROUNDS_DONE).asInt(), s.model(), rounds, details,
        meta.get("prune_seconds").asDouble(), meta.get("train_seconds").asDouble(),
        Json.MAPPER.convertValue(meta.get("times"), PhaseTimes.class), history);
  }
}
