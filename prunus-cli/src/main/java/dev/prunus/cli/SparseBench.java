package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.kernel.Cpu;
import dev.prunus.measure.InferenceBenchmark;
import dev.prunus.measure.LibtorchInference;
import dev.prunus.measure.SparseInference;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunus bench sparse}: at which density the Java sparse path ({@code java-csr}) beats libtorch on
 * the dense model. A fully connected zoo model is masked by global magnitude at each density and timed
 * against its dense form, alternately in one process.
 */
@Command(name = "sparse", mixinStandardHelpOptions = true,
    description = {"Time a fully connected model masked at each density on the Java sparse path against the",
        "dense model on libtorch, and say below which density the sparse path is faster."})
final class SparseBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(names = "--model", paramLabel = "M", defaultValue = "lenet-300-100",
      description = "A fully connected zoo model (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--densities", paramLabel = "D", split = ",",
      defaultValue = "0.01,0.02,0.05,0.1,0.2,0.3,0.5,0.7",
      description = "Densities of the masks (default: ${DEFAULT-VALUE}).")
  List<Double> densities;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--repetitions", paramLabel = "R", defaultValue = "500",
      description = "Timed forwards per form (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(names = "--warmup", paramLabel = "W", defaultValue = "200",
      description = "Untimed forwards first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() {
    InferenceBenchmark bench = new InferenceBenchmark(List.of(batch), repetitions, warmup);
    Architecture arch = ModelId.fromName(model).build();
    if (!dev.prunus.kernel.SparseNetwork.supports(arch)) {
      throw new InvalidInputException("--model " + model + " is not fully connected: the sparse path takes chains of "
          + "flatten, linear and ReLU, e.g. lenet-300-100 or mlp15 without batch norm");
    }
    for (double d : densities) {
      PruningTarget.ofDensity(d);
    }
    engine.prepare(spec.commandLine().getErr());
    Model dense = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 1));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s, batch %d, CPU %s, %d repetitions after %d warm-up%n", model, batch,
        Cpu.description(), repetitions, warmup);
    out.println("density  libtorch dense ms  java-csr ms  speed-up");
    double crossover = Double.NaN;
    for (double d : densities) {
      Model masked = MaskApplier.apply(dense, MethodRegistry.standard().create("magnitude", Map.of())
          .plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(d), 1)));
      List<InferenceBenchmark.Measurement> m = bench.run(List.of(
          new InferenceBenchmark.Candidate("dense", dense, new LibtorchInference()),
          new InferenceBenchmark.Candidate("masked", masked, new SparseInference())), 1);
      double speedup = m.get(0).medianMs() / m.get(1).medianMs();
      if (speedup > 1) {
        crossover = Double.isNaN(crossover) ? d : Math.max(crossover, d);
      }
      out.printf(Locale.ROOT, "%7.3f  %17.4f  %11.4f  %7.2fx%n", d, m.get(0).medianMs(), m.get(1).medianMs(), speedup);
    }
    out.println(Double.isNaN(crossover) ? "the sparse path was slower than dense at every density"
        : String.format(Locale.ROOT, "the sparse path beat dense up to density %s (the largest measured where it did)",
            crossover));
    return PrunusCommand.OK;
  }
}
