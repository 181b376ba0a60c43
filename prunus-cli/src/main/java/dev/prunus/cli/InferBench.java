package dev.prunus.cli;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ResultRows;
import dev.prunus.experiment.ResultsFiles;
import dev.prunus.io.AtomicFiles;
import dev.prunus.kernel.Cpu;
import dev.prunus.measure.InferenceBenchmark;
import dev.prunus.measure.InferenceEngine;
import dev.prunus.measure.LibtorchInference;
import dev.prunus.measure.ModelCounter;
import dev.prunus.measure.SparseInference;
import dev.prunus.model.Model;
import dev.prunus.prune.Compactor;
import dev.prunus.run.Json;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunus bench infer}: the measured speed-up of pruned models. Each run's model is timed in its
 * forms: dense (the parent run's model), masked (the run's model, zeros kept), compacted (dead units
 * removed) and, for a fully connected network, masked on the Java sparse path; on libtorch and on every
 * other engine on the class path (ONNX Runtime, from prunus-onnx). Forms are timed alternately in one
 * process. Writes {@code infer.json} into each run.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
    description = {"Time the forward pass of each run's model dense (its parent's), masked, compacted and on the",
        "sparse path, at each batch size and on each engine, alternately in one process; print the latency",
        "(median and p90), throughput and speed-up over dense, and write RUN/infer.json. An experiment",
        "directory stands for all its pruning runs."})
final class InferBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run directories (or experiment directories).")
  List<Path> runs;

  @Option(names = "--batch", paramLabel = "B", split = ",", defaultValue = "1,64",
      description = "Batch sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Option(names = "--runtime", paramLabel = "R", split = ",",
      description = "Engines to time: libtorch, java-csr, and those on the class path (default: all).")
  List<String> runtimes;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of libtorch and of ONNX Runtime's sessions (default: each engine's own).")
  Integer threads;

  @Option(names = "--repetitions", paramLabel = "R", defaultValue = "30",
      description = "Timed forwards per form, engine and batch size (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(names = "--warmup", paramLabel = "W", defaultValue = "5",
      description = "Untimed forwards first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws IOException {
    InferenceBenchmark bench = new InferenceBenchmark(batches, repetitions, warmup);
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw new InvalidInputException("--threads " + threads + " must be in [1, 1024]");
    }
    List<InferenceEngine> engines = engines(runtimes).stream()
        .map(e -> threads == null ? e : e.withThreads(threads)).toList();
    // the engine whose dense model each engine's speed-up is counted against: its timing group's
    Map<String, String> reference = new LinkedHashMap<>();
    engines.forEach(e -> reference.put(e.id(), e.timingGroup()));
    List<Path> dirs = expand(runs);
    engine.prepare(spec.commandLine().getErr());
    if (threads != null) {
      JniUtils.setNumThreads(threads);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "CPU %s, %s threads, %d repetitions after %d warm-up%n", Cpu.description(),
        threads == null ? "default" : threads, repetitions, warmup);
    out.println("run  form  engine  batch  median ms  p90 ms  images/s  speed-up");
    for (Path dir : dirs) {
      RunDirectory run = RunDirectory.open(dir);
      Map<String, Model> forms = forms(run);
      List<InferenceBenchmark.Candidate> candidates = new ArrayList<>();
      for (InferenceEngine e : engines) {
        forms.forEach((form, model) -> {
          if (!(e instanceof SparseInference) || form.equals("masked")) {
            candidates.add(new InferenceBenchmark.Candidate(form, model, e));
          }
        });
      }
      List<InferenceBenchmark.Measurement> m = bench.run(candidates, 1);
      double[] speedups = new double[m.size()];
      for (int i = 0; i < m.size(); i++) {
        InferenceBenchmark.Measurement x = m.get(i);
        speedups[i] = dense(m, x, reference.get(x.engine())) / x.medianMs();
        out.printf(Locale.ROOT, "%s  %s  %s  %d  %.3f  %.3f  %.0f  %.2fx%n", dir.getFileName(), x.form(), x.engine(),
            x.batch(), x.medianMs(), x.p90Ms(), x.imagesPerSecond(), speedups[i]);
      }
      write(dir, forms, m, speedups, reference);
    }
    for (Path p : runs) {
      if (ResultsFiles.exists(p)) {
        // the experiment's results gain the measured speed-ups of its runs
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode row : ResultsFiles.read(p)) {
          rows.add(ResultRows.withInference(row, p.resolve(row.path("run.dir").asText())));
        }
        ResultsFiles.write(p, rows);
      }
    }
    return PrunusCommand.OK;
  }

  /** The run directories: each argument, or the pruning runs of an experiment directory. */
  static List<Path> expand(List<Path> args) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : args) {
      if (Files.isRegularFile(p.resolve(RunDirectory.MODEL))) {
        out.add(p);
      } else if (Files.isDirectory(p.resolve("runs"))) {
        try (Stream<Path> s = Files.walk(p.resolve("runs"), 2)) {
          s.filter(d -> Files.isRegularFile(d.resolve(RunDirectory.MODEL)) && Files.isRegularFile(d.resolve("metrics.json")))
              .sorted().forEach(out::add);
        }
      } else {
        throw new InvalidInputException(p + " holds no model.prunus and no runs/: give a run directory (the --out of "
            + "`prunus prune`) or an experiment directory");
      }
    }
    return out;
  }

  /** libtorch, the Java sparse path, and the engines on the class path; only those named, if any. */
  static List<InferenceEngine> engines(List<String> names) {
    List<InferenceEngine> all = new ArrayList<>(List.of(new LibtorchInference(), new SparseInference()));
    ServiceLoader.load(InferenceEngine.class).forEach(all::add);
    if (names == null) {
      return all;
    }
    List<InferenceEngine> chosen = new ArrayList<>();
    for (String n : names) {
      chosen.add(all.stream().filter(e -> e.id().equals(n)).findFirst().orElseThrow(() -> new InvalidInputException(
          "unknown --runtime '" + n + "': the engines here are "
              + String.join(", ", all.stream().map(InferenceEngine::id).toList())
              + " (onnxruntime needs the prunus-onnx module and ONNX Runtime on the class path)")));
    }
    return chosen;
  }

  /**
   * The forms of a run's model: dense (the parent's model, or the run's own for a training run), masked
   * (the run's model, unless compacted) and compacted (the run's compacted model, or the masked one
   * compacted here).
   */
  static Map<String, Model> forms(RunDirectory run) {
    Model model = run.readModel();
    String parent = Provenance.read(run.provenance()).parentRun();
    Map<String, Model> forms = new LinkedHashMap<>();
    forms.put("dense", parent == null ? model : RunDirectory.open(Path.of(parent)).readModel());
    if (model.architecture().name().endsWith(Compactor.SUFFIX)) {
      forms.put("compacted", model);
    } else if (!model.masks().isEmpty()) {
      forms.put("masked", model);
      Model compacted = Compactor.compact(model);
      if (compacted != model) {
        forms.put("compacted", compacted);
      }
    }
    return forms;
  }

  /** The median time of the dense form on {@code engine} at {@code x}'s batch size; NaN where it was not timed. */
  private static double dense(List<InferenceBenchmark.Measurement> m, InferenceBenchmark.Measurement x, String engine) {
    return m.stream().filter(d -> d.form().equals("dense") && d.batch() == x.batch() && d.engine().equals(engine))
        .mapToDouble(InferenceBenchmark.Measurement::medianMs).findFirst().orElse(Double.NaN);
  }

  /**
   * infer.json: every measurement with its speed-up, and per engine and batch size the compacted speed-up, or
   * the masked one of an engine counted against another's dense model (the sparse path).
   */
  private void write(Path dir, Map<String, Model> forms, List<InferenceBenchmark.Measurement> m, double[] speedups,
      Map<String, String> reference) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("cpu", Cpu.description());
    root.put("threads", threads == null ? Integer.getInteger("ai.djl.pytorch.num_threads", 0) : threads);
    root.put("repetitions", repetitions);
    root.put("warmup", warmup);
    ArrayNode list = root.putArray("measurements");
    ObjectNode speedup = Json.MAPPER.createObjectNode();
    for (int i = 0; i < m.size(); i++) {
      InferenceBenchmark.Measurement x = m.get(i);
      ObjectNode o = list.addObject();
      o.put("form", x.form());
      o.put("engine", x.engine());
      o.put("batch", x.batch());
      o.put("median_ms", x.medianMs());
      o.put("p90_ms", x.p90Ms());
      o.put("images_per_s", x.imagesPerSecond());
      o.put("speedup", speedups[i]);
      if (x.form().equals("compacted") || !reference.get(x.engine()).equals(x.engine())) {
        ObjectNode perBatch = speedup.has(x.engine()) ? (ObjectNode) speedup.get(x.engine())
            : speedup.putObject(x.engine());
        perBatch.put(Integer.toString(x.batch()), speedups[i]);
      }
    }
    root.set("measured_speedup", speedup);
    Model dense = forms.get("dense");
    Model pruned = forms.getOrDefault("compacted", forms.get("masked"));
    if (pruned != null) {
      root.put("structured_speedup", (double) ModelCounter.count(dense).denseFlops()
          / ModelCounter.count(pruned).structuredFlops());
    }
    try {
      AtomicFiles.writeString(dir.resolve(ResultRows.INFER), Json.MAPPER.writeValueAsString(root));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
