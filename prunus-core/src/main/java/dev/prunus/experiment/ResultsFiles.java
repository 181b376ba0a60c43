package dev.prunus.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.io.AtomicFiles;
import dev.prunus.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment's results.json (an array of {@link ResultRows} objects) and results.csv (the same rows;
 * the columns are every key of any row, in the order first met; a value a row lacks is empty). Both are
 * written atomically, so a killed experiment leaves the previous complete files.
 */
public final class ResultsFiles {
  public static final String JSON = "results.json";
  public static final String CSV = "results.csv";

  private ResultsFiles() {}

  public static void write(Path experiment, List<ObjectNode> rows) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    rows.forEach(array::add);
    try {
      AtomicFiles.writeString(experiment.resolve(JSON), Json.MAPPER.writeValueAsString(array) + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(experiment.resolve(CSV), csv(rows));
  }

  /** The rows of an experiment's results.json. */
  public static List<ObjectNode> read(Path experiment) {
    Path file = experiment.resolve(JSON);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not readable JSON (" + e.getMessage()
          + "): rerun `prunus experiment` to rewrite it");
    }
    if (root == null || !root.isArray()) {
      throw new InvalidInputException(file + " must hold a JSON array of runs: rerun `prunus experiment` to rewrite it");
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode r : root) {
      if (!r.isObject()) {
        throw new InvalidInputException(file + " holds " + r + " where a run's row (a JSON object) belongs: rerun "
            + "`prunus experiment` to rewrite it");
      }
      rows.add((ObjectNode) r);
    }
    return rows;
  }

  public static boolean exists(Path experiment) {
    return Files.isRegularFile(experiment.resolve(JSON));
  }

  static String csv(List<ObjectNode> rows) {
    Set<String> columns = new LinkedHashSet<>();
    for (ObjectNode r : rows) {
      r.fieldNames().forEachRemaining(columns::add);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(ResultsFiles::quote).toList())).append('\n');
    for (ObjectNode r : rows) {
      Iterator<String> it = columns.iterator();
      while (it.hasNext()) {
        JsonNode v = r.get(it.next());
        sb.append(v == null || v.isNull() ? "" : quote(v.asText()));
        sb.append(it.hasNext() ? "," : "\n");
      }
    }
    return sb.toString();
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
