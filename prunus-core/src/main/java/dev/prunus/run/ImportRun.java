package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes an imported model as a run directory ({@code prunus import}): provenance.json of kind
 * {@value ImportConfig#KIND} with the {@link ImportConfig}, model.prunus (stamped with the source file's
 * SHA-256, so {@link RunFileCheck} knows it), and metrics.json with its parameter and FLOP counts (no
 * accuracy: an imported model has not been evaluated on any dataset). The model is already read and
 * checked when this starts; the directory is checked before, and again under its {@link RunLock}. If
 * writing fails, what this run wrote is deleted again: a directory holds a whole import or none.
 */
public final class ImportRun {
  private ImportRun() {}

  /**
   * @param out the run directory (new or empty)
   * @param model the imported model
   * @param config how it was imported
   * @param seed the seed of what was drawn (a replaced classifier's weights), recorded in provenance
   * @param command the command line, for provenance
   * @param notice where the lock's messages go (a reclaimed stale lock)
   * @throws dev.prunus.InvalidInputException if {@code out} cannot hold a new run
   */
  public static RunDirectory write(
      Path out, Model model, ImportConfig config, long seed, List<String> command, Consumer<String> notice) {
    RunDirectory.checkWritable(out);
    try (RunLock lock = RunLock.acquire(out, String.join(" ", command), notice)) {
      RunDirectory dir = RunDirectory.checkWritable(out);
      try {
        new Provenance(ImportConfig.KIND, command, Json.MAPPER.valueToTree(config), seed, null, Versions.all(), null,
            Instant.now().toString()).write(dir.provenance());
        ModelFile.write(dir.model(), model, Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config));
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        metrics.put("model", config.architecture());
        metrics.put("method", ImportConfig.KIND);
        metrics.put("seed", seed);
        metrics.put("input", config.input().toString());
        MetricsJson.putCounts(metrics, ModelCounter.count(model));
        TrainingRun.writeJson(dir.metrics(), metrics);
      } catch (RuntimeException e) {
        delete(dir.metrics());
        delete(dir.model());
        delete(dir.provenance());
        throw e;
      }
      return dir;
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + file + " after a failed import: " + e.getMessage(), e);
    }
  }
}
