package dev.prunus.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves and loads a {@link Model} (architecture, weights, masks) as one {@link TensorFile}, plus any
 * extra tensors (a checkpoint's optimiser state) and metadata.
 */
public final class ModelFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A model read back, with what was stored beside it. */
  public record Stored(Model model, Map<String, Tensor> extra, JsonNode meta) {}

  private ModelFile() {}

  public static void write(Path path, Model model) {
    write(path, model, Map.of(), JSON.createObjectNode());
  }

  public static void write(Path path, Model model, Map<String, Tensor> extra, ObjectNode meta) {
    ObjectNode m = meta.deepCopy();
    m.set("architecture", JSON.valueToTree(model.architecture()));
    Map<String, Tensor> tensors = new java.util.LinkedHashMap<>(model.weights().tensors());
    extra.forEach((k, v) -> tensors.put("extra:" + k, v));
    TensorFile.write(path, m, tensors, model.masks().byParameter());
  }

  public static Model read(Path path) {
    return readStored(path).model();
  }

  public static Stored readStored(Path path) {
    TensorFile.Contents c = TensorFile.read(path);
    Architecture arch;
    try {
      arch = JSON.treeToValue(c.meta().get("architecture"), Architecture.class);
    } catch (Exception e) {
      throw new InvalidInputException(path + " holds no readable architecture: " + e.getMessage(), e);
    }
    Map<String, Tensor> weights = new java.util.LinkedHashMap<>();
    Map<String, Tensor> extra = new java.util.LinkedHashMap<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("extra:")) {
        extra.put(k.substring("extra:".length()), v);
      } else {
        weights.put(k, v);
      }
    });
    Model model = new Model(arch, new Weights(weights), new Masks(c.masks()));
    return new Stored(model, extra, c.meta());
  }
}
