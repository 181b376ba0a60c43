package dev.prunus.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ImageFolder} as JSON, e.g. {@code {"folder": "/data/shapes", "name": "shapes", "layout":
 * "class-folders", "classes": ["circle", "square"], "channels": 1, "height": 28, "width": 28, "resize":
 * "stretch", "mean": [0.5], "std": [0.25], "test_fraction": 0.2}}; {@code mean} and {@code std} are
 * absent when they are measured on the training images.
 */
final class ImageFolderJson {
  private static final List<String> KEYS = List.of("folder", "name", "layout", "classes", "channels", "height",
      "width", "resize", "mean", "std", "test_fraction");

  private ImageFolderJson() {}

  static ObjectNode toJson(ImageFolder f) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("folder", f.root().toString());
    o.put("name", f.name());
    o.put("layout", f.layout().cliName());
    ArrayNode classes = o.putArray("classes");
    f.classes().forEach(classes::add);
    o.put("channels", f.channels());
    o.put("height", f.height());
    o.put("width", f.width());
    o.put("resize", f.resize().cliName());
    if (f.normalization() != null) {
      putFloats(o.putArray("mean"), f.normalization().mean());
      putFloats(o.putArray("std"), f.normalization().std());
    }
    o.put("test_fraction", f.testFraction());
    return o;
  }

  static ImageFolder fromJson(JsonNode o) {
    for (var it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new InvalidInputException("unknown key '" + key + "' in an image folder dataset " + o + ": valid keys"
            + " are " + String.join(", ", KEYS));
      }
    }
    List<String> classes = new ArrayList<>();
    require(o, "classes").forEach(c -> classes.add(c.asText()));
    Normalization n = o.has("mean") || o.has("std")
        ? new Normalization(floats(require(o, "mean")), floats(require(o, "std"))) : null;
    return new ImageFolder(Path.of(require(o, "folder").asText()), require(o, "name").asText(),
        FolderLayout.fromName(require(o, "layout").asText()), classes, require(o, "channels").asInt(),
        require(o, "height").asInt(), require(o, "width").asInt(), ResizeRule.fromName(require(o, "resize").asText()),
        n, require(o, "test_fraction").asDouble());
  }

  private static JsonNode require(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      throw new InvalidInputException("an image folder dataset needs the key '" + key + "': " + o);
    }
    return v;
  }

  private static void putFloats(ArrayNode array, float[] values) {
    for (float v : values) {
      array.add(v);
    }
  }

  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }
}
