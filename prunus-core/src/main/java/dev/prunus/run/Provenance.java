package dev.prunus.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Normalization;
import dev.prunus.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a run was made: the command line, the full configuration, the seed, the exact data (by checksum),
 * the versions of everything involved, and the run it started from (for pruning). Written to
 * {@code provenance.json} before the run starts, so a directory is recognisably a Prunus run.
 */
public record Provenance(
    String kind,
    List<String> command,
    JsonNode config,
    long seed,
    DatasetReference dataset,
    Map<String, String> versions,
    String parentRun,
    String created) {

  /**
   * The data a run used: dataset id, the SHA-256 identifying its files, where they came from, the
   * normalisation its images were standardised with, and the class names by index (image folders only;
   * null for the catalogue's numbered classes). Runs written before the last two read them as null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DatasetReference(
      String id, String sha256, String source, Normalization normalization, List<String> classes) {
    public DatasetReference(String id, String sha256, String source) {
      this(id, sha256, source, null, null);
    }
  }

  public void write(Path file) {
    try {
      AtomicFiles.writeString(file, Json.MAPPER.writeValueAsString(this));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The configuration as the record of type {@code type} the run was made with (a training or pruning run's). */
  public <T> T configAs(Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(config, type);
    } catch (IOException e) {
      throw new InvalidInputException("provenance.json holds no readable " + type.getSimpleName()
          + " (the run's configuration): " + e.getMessage());
    }
  }

  public static Provenance read(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), Provenance.class);
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not a readable Prunus provenance file: " + e.getMessage());
    }
  }
}
