package dev.prunus.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.io.TensorFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Saves and loads a {@link PruningPlan} as a {@link TensorFile} (masks as bits, the rest as JSON metadata). */
public final class PlanFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanFile() {}

  public static void write(Path path, PruningPlan plan) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("method", plan.method());
    ArrayNode removals = meta.putArray("removals");
    for (UnitRemoval r : plan.removals()) {
      removals.add(JSON.valueToTree(r));
    }
    meta.set("details", JSON.valueToTree(plan.details()));
    TensorFile.write(path, meta, Map.of(), plan.masks().byParameter());
  }

  @SuppressWarnings("unchecked")
  public static PruningPlan read(Path path) {
    TensorFile.Contents c = TensorFile.read(path);
    List<UnitRemoval> removals = new ArrayList<>();
    for (var r : c.meta().get("removals")) {
      removals.add(JSON.convertValue(r, UnitRemoval.class));
    }
    Map<String, Object> details = JSON.convertValue(c.meta().get("details"), Map.class);
    return new PruningPlan(c.meta().get("method").asText(), new dev.prunus.model.Masks(c.masks()), removals, details);
  }
}
