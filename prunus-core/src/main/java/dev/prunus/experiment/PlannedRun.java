package dev.prunus.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.data.DatasetRef;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.run.Json;
import dev.prunus.run.PruneRunConfig;
import dev.prunus.run.TrainingRunConfig;
import java.nio.file.Path;

/**
 * One cell of an experiment's grid: a dense baseline ({@code pruning == null}) or a pruning run. Its
 * {@code id} is its directory below the experiment's {@code runs/} folder, e.g.
 * {@code dense/lenet5_mnist-sample_s1} or {@code magnitude/lenet5_mnist-sample_d0.1_s1}; {@code parent}
 * is the id of the dense baseline a one-shot or iterative run prunes (null for dense and at-init runs).
 */
public record PlannedRun(
    String id, String label, ModelId model, DatasetRef dataset, long seed, Double density, String parent,
    TrainingRunConfig training, PruneRunConfig pruning) {

  /** The label of the dense baselines; no method entry may take it. */
  public static final String DENSE = "dense";

  public boolean isDense() {
    return pruning == null;
  }

  public ScheduleKind schedule() {
    return isDense() ? null : pruning.schedule();
  }

  /** The run's directory inside the experiment directory {@code experiment}. */
  public Path directory(Path experiment) {
    return ExperimentGrid.runsFolder(experiment).resolve(id);
  }

  /**
   * The configuration the run stores in its provenance.json, less the parent's path (which moves with the
   * experiment directory): two runs with equal values computed the same thing.
   */
  public JsonNode comparableConfig() {
    JsonNode c;
    try { // through text, so numbers compare as a file read back gives them (1 as an int, not a long)
      c = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(isDense() ? training : pruning));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("parentRun");
    return c;
  }
}
