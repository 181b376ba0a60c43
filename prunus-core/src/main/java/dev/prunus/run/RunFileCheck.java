package dev.prunus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.prune.Compactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a model file of a run ({@code model.prunus}, a checkpoint, {@code initial.prunus}) belongs
 * to that run, by what its provenance.json records: a file copied in from another run would otherwise be
 * resumed, evaluated or pruned with this run's labels and validation split.
 *
 * <p>The file's architecture must be the run's zoo model (a compacted one keeps its name with
 * {@value Compactor#SUFFIX}), at the run's width, for the run's dataset's input shape and class count.
 * Files written by runs also carry a stamp, {@code meta.run} = {@code {model, dataset, seed}}: the seed
 * draws the validation split, and the dataset tells MNIST from Fashion-MNIST, which have the same shape;
 * when the stamp is there, it must match too (files written before it are checked by architecture alone).
 * An imported run's files are checked against its {@link ImportConfig} instead.
 */
final class RunFileCheck {
  /** The metadata key of the stamp. */
  static final String KEY = "run";

  private RunFileCheck() {}

  /** The stamp a run with {@code config} puts in each model file it writes. */
  static ObjectNode stamp(TrainingRunConfig config) {
    ObjectNode run = Json.MAPPER.createObjectNode();
    run.put("model", config.modelName());
    run.put("dataset", config.dataset().cliName());
    run.put("seed", config.training().seed());
    return run;
  }

  /** {@code meta} with the stamp of {@code config} added. */
  static ObjectNode stamped(ObjectNode meta, TrainingRunConfig config) {
    meta.set(KEY, stamp(config));
    return meta;
  }

  /** {@code meta} with the stamp of an imported run: the SHA-256 of the file it was imported from. */
  static ObjectNode stamped(ObjectNode meta, ImportConfig config) {
    ObjectNode run = Json.MAPPER.createObjectNode();
    run.put("import", config.sha256());
    meta.set(KEY, run);
    return meta;
  }

  /**
   * Checks a model file of an imported run: the architecture the import made (by name, a compacted one
   * with {@value Compactor#SUFFIX}), its input and classes, and, when stamped, the imported file's SHA-256.
   *
   * @throws InvalidInputException naming both files and what differs
   */
  static void check(Path file, ModelFile.Stored stored, ImportConfig config, Path provenance) {
    Architecture a = stored.model().architecture();
    List<String> differences = new ArrayList<>();
    if (!baseName(a).equals(config.architecture())) {
      differences.add("model " + baseName(a) + ", not " + config.architecture());
    }
    if (!a.input().equals(config.input()) || a.numClasses() != config.numClasses()) {
      differences.add("input " + a.input() + " with " + a.numClasses() + " classes, not " + config.input() + " with "
          + config.numClasses());
    }
    JsonNode stamp = stored.meta().path(KEY);
    if (stamp.isObject() && !stamp.path("import").asText().equals(config.sha256())) {
      differences.add("imported from a file of SHA-256 " + stamp.path("import").asText() + ", not " + config.sha256());
    }
    if (!differences.isEmpty()) {
      throw new InvalidInputException(file + " does not belong to its run: " + provenance + " records the import of "
          + config.source() + " as " + config.architecture() + " (" + String.join("; ", differences)
          + "). It was copied from another run: put this run's own file back, or import the model again");
    }
  }

  private static String baseName(Architecture a) {
    return a.name().endsWith(Compactor.SUFFIX) ? a.name().substring(0, a.name().length() - Compactor.SUFFIX.length())
        : a.name();
  }

  /**
   * @param file the model file read, {@code stored} its content
   * @param config the training configuration {@code provenance} records for the run
   * @throws InvalidInputException naming both files and what differs
   */
  static void check(Path file, ModelFile.Stored stored, TrainingRunConfig config, Path provenance) {
    Architecture a = stored.model().architecture();
    DatasetRef d = config.dataset();
    String name = baseName(a);
    List<String> differences = new ArrayList<>();
    if (!name.equals(config.modelName())) {
      differences.add("model " + name + ", not " + config.modelName());
    }
    if (a.width() != config.width()) {
      differences.add("width " + a.width() + ", not " + config.width());
    }
    FeatureShape input = new FeatureShape(d.channels(), d.height(), d.width());
    if (!a.input().equals(input) || a.numClasses() != d.numClasses()) {
      differences.add("input " + a.input() + " with " + a.numClasses() + " classes, not " + d.cliName() + "'s "
          + input + " with " + d.numClasses());
    }
    JsonNode stamp = stored.meta().path(KEY);
    if (stamp.isObject()) {
      if (!stamp.path("dataset").asText().equals(d.cliName())) {
        differences.add("dataset " + stamp.path("dataset").asText() + ", not " + d.cliName());
      }
      if (stamp.path("seed").asLong() != config.training().seed()) {
        differences.add("seed " + stamp.path("seed").asLong() + ", not " + config.training().seed()
            + " (the seed draws the validation split)");
      }
    }
    if (!differences.isEmpty()) {
      throw new InvalidInputException(file + " does not belong to its run: it holds " + describe(a, stamp)
          + ", but " + provenance + " records " + config.modelName() + " (width " + config.width() + ") on "
          + d.cliName() + ", seed " + config.training().seed() + " (" + String.join("; ", differences)
          + "). It was copied from another run: put this run's own file back, or run it again");
    }
  }

  private static String describe(Architecture a, JsonNode stamp) {
    String s = String.format(Locale.ROOT, "%s (width %s, input %s, %d classes)", a.name(), a.width(), a.input(),
        a.numClasses());
    return stamp.isObject() ? s + " trained on " + stamp.path("dataset").asText() + ", seed " + stamp.path("seed").asLong()
        : s;
  }
}
