package dev.prunus.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetRef;
import dev.prunus.io.AtomicFiles;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.train.Checkpoint;
import dev.prunus.train.EpochRecord;
import dev.prunus.train.Evaluation;
import dev.prunus.train.Evaluator;
import dev.prunus.train.TrainableNetwork;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Trains a zoo model on a dataset into a run directory (what {@code prunus train} does), or goes on
 * training another run's model, an imported one included ({@link #fineTune}: {@code prunus train --from}).
 *
 * <p>Order matters for "nothing half-written": the run directory is locked ({@link RunLock}: a second
 * process given the same {@code --out} is refused while this one runs), every input is checked and the
 * data loaded before anything is written in it (a directory the lock created is removed again if that
 * fails); provenance is written first, a checkpoint (atomically) after every epoch, and
 * metrics.json last, so a directory with metrics.json is a finished run and one without it can be
 * resumed from its checkpoint. The data come from a loader function (the CLI passes
 * {@code DatasetRepository::load}).
 */
public final class TrainingRun {
  private TrainingRun() {}

  /** What a finished run wrote. */
  public record Result(RunDirectory directory, Model model, JsonNode metrics) {}

  /** Trains a zoo model from its initial weights. */
  public static Result start(
      TrainingRunConfig config, Path out, List<String> command, Function<DatasetRef, Dataset> data,
      TrainingListener listener) {
    config.checkHeap();
    return start(config, out, command, data, listener, null);
  }

  /**
   * Trains on from {@code parent}'s model (masks kept): fine-tuning a trained, pruned or imported model on
   * {@code config}'s dataset, which must fit it ({@link ParentRun#checkFits}).
   */
  public static Result fineTune(TrainingRunConfig config, ParentRun parent, Path out, List<String> command,
      Function<DatasetRef, Dataset> data, TrainingListener listener) {
    return start(config, out, command, data, listener, parent);
  }

  private static Result start(TrainingRunConfig config, Path out, List<String> command,
      Function<DatasetRef, Dataset> data, TrainingListener listener, ParentRun parent) {
    Model from = null;
    if (parent != null) {
      from = parent.directory().readModel();
      config.checkHeap(from.architecture());
      ParentRun.checkFits(from.architecture(), config.dataset());
    }
    RunDirectory.checkWritable(out);
    try (RunLock lock = RunLock.acquire(out, String.join(" ", command), listener::notice)) {
      RunDirectory dir = RunDirectory.checkWritable(out); // again, now that no other process can write here
      PreparedData prepared = PreparedData.of(data.apply(config.dataset()), config.validationFraction(),
          config.training().seed());
      Model initial = from != null ? from : new Model(config.architecture(), config.initialWeights());
      new Provenance("train", command, Json.MAPPER.valueToTree(config), config.training().seed(),
          prepared.reference(), Versions.all(), parent == null ? null : parent.directory().path().toString(),
          Instant.now().toString()).write(dir.provenance());
      ModelFile.write(dir.initial(), initial, java.util.Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config));
      return run(dir, config, prepared, new Checkpoint(0, initial, java.util.Map.of(), List.of()), listener);
    }
  }

  /** Continues an unfinished run from its last checkpoint, with the configuration stored in it. */
  public static Result resume(Path out, Function<DatasetRef, Dataset> data, TrainingListener listener) {
    RunDirectory.checkResumable(out, "train", RunDirectory.CHECKPOINT);
    try (RunLock lock = RunLock.acquire(out, "prunus train --resume --out " + out, listener::notice)) {
      RunDirectory dir = RunDirectory.checkResumable(out, "train", RunDirectory.CHECKPOINT);
      Provenance p = Provenance.read(dir.provenance());
      TrainingRunConfig config = config(p);
      if (config.model() != null) {
        config.checkHeap();
      }
      Checkpoint start = readCheckpoint(dir);
      PreparedData prepared = PreparedData.of(data.apply(config.dataset()), config.validationFraction(),
          config.training().seed());
      prepared.checkSameAs(p.dataset());
      return run(dir, config, prepared, start, listener);
    }
  }

  public static TrainingRunConfig config(Provenance p) {
    return p.configAs(TrainingRunConfig.class);
  }

  private static Result run(
      RunDirectory dir, TrainingRunConfig config, PreparedData data, Checkpoint start, TrainingListener listener) {
    long t0 = System.nanoTime();
    Trainer.Result r = new Trainer(config.training(), listener)
        .resume(start, data.train(), data.validation(), c -> writeCheckpoint(dir.checkpoint(), c, config));
    double trainSeconds = (System.nanoTime() - t0) / 1e9 + previousSeconds(start.history());
    Evaluation test;
    Evaluation validation;
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(r.model(), m)) {
      test = Evaluator.evaluate(net, data.test());
      validation = Evaluator.evaluate(net, data.validation());
    }
    ModelFile.write(dir.model(), r.model(), java.util.Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config));
    ObjectNode metrics = MetricsJson.of(new MetricsJson.Inputs(
        config.modelName(), config.dataset().cliName(), "dense", config.training().seed(), test, validation,
        ModelCounter.count(r.model()), trainSeconds, 0, r.times(), r.history()));
    metrics.put("width", config.width());
    metrics.put("input", r.model().architecture().input().toString());
    data.describeIn(metrics);
    writeJson(dir.metrics(), metrics);
    dir.deleteCheckpoint(dir.checkpoint());
    return new Result(dir, r.model(), metrics);
  }

  private static double previousSeconds(List<EpochRecord> history) {
    return history.stream().mapToDouble(EpochRecord::seconds).sum();
  }

  /**
   * Writes a run's metrics.json atomically, a pruning run's referred to the architecture it pruned
   * ({@link MetricsJson#referToPrunedArchitecture}) so that every writer gets the same dense reference.
   */
  static void writeJson(Path file, JsonNode node) {
    if (node instanceof ObjectNode metrics) {
      MetricsJson.referToPrunedArchitecture(metrics);
    }
    try {
      AtomicFiles.writeString(file, Json.MAPPER.writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCheckpoint(Path file, Checkpoint c, TrainingRunConfig config) {
    ObjectNode meta = RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config);
    meta.put(RunDirectory.EPOCHS_DONE, c.epochsDone());
    meta.set("history", Json.MAPPER.valueToTree(c.history()));
    ModelFile.write(file, c.model(), c.optimizerState(), meta);
  }

  private static Checkpoint readCheckpoint(RunDirectory dir) {
    ModelFile.Stored s = dir.readModelFile(dir.checkpoint());
    if (!s.meta().path(RunDirectory.EPOCHS_DONE).isInt() || !s.meta().path("history").isArray()) {
      throw new InvalidInputException(dir.checkpoint() + " is not a training checkpoint this version of Prunus wrote: "
          + "delete its run directory and start the run again");
    }
    List<EpochRecord> history = new ArrayList<>();
    for (JsonNode e : s.meta().get("history")) {
      history.add(Json.MAPPER.convertValue(e, EpochRecord.class));
    }
    return new Checkpoint(s.meta().get(RunDirectory.EPOCHS_DONE).asInt(), s.model(), s.extra(), history);
  }
}
