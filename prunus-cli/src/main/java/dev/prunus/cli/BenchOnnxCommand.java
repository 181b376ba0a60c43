package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.onnx.OnnxExport;
import dev.prunus.onnx.OnnxFile;
import dev.prunus.onnx.OnnxImport;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.method.L1Structured;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prunus bench onnx MODEL.onnx}: the time of each step from an ONNX file to a compacted model and
 * back: reading the file, translating the graph, l1-structured's plan, masking, compaction, and writing the
 * compacted model as ONNX. Nothing is run through the network, so no engine check is needed.
 */
@Command(name = "onnx", mixinStandardHelpOptions = true,
    description = {"Import an ONNX file, prune --sparsity of the channels of every group (l1-structured, coupled groups",
        "together), compact, export again, and print the seconds of each step per repetition."})
final class BenchOnnxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL.onnx", description = "The ONNX file.")
  Path file;

  @Option(names = "--sparsity", defaultValue = "0.5", description = "Share of each group's channels removed (default: ${DEFAULT-VALUE}).")
  double sparsity;

  @Option(names = "--repeat", defaultValue = "3", description = "Repetitions (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new InvalidInputException("--repeat " + repeat + " must be at least 1");
    }
    PruningTarget target = PruningTarget.ofSparsity(sparsity);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s, %d processors, Java %s%n", file, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.println("run    read  import    plan    mask  compact  export  import+compact   (seconds)  params   FLOPs");
    for (int r = 1; r <= repeat; r++) {
      long t0 = System.nanoTime();
      ModelProto proto = OnnxFile.read(file);
      long t1 = System.nanoTime();
      Model model = OnnxImport.read(proto, "bench").model();
      proto = null;
      long t2 = System.nanoTime();
      PruningPlan plan = L1Structured.builder().optNorm(L1Structured.Norm.L1)
          .optCoupled(L1Structured.Coupled.TOGETHER).optLayers(LayerSelection.ALL).build()
          .plan(model, PruningContext.withoutData(target, 1));
      long t3 = System.nanoTime();
      Model masked = MaskApplier.apply(model, plan);
      long t4 = System.nanoTime();
      Model compact = Compactor.compact(masked);
      long t5 = System.nanoTime();
      byte[] exported = OnnxExport.toProto(compact).toByteArray();
      long t6 = System.nanoTime();
      out.printf(Locale.ROOT, "%3d  %6.2f  %6.2f  %6.2f  %6.2f  %7.2f  %6.2f  %14.2f              %s  %s%n", r,
          s(t0, t1), s(t1, t2), s(t2, t3), s(t3, t4), s(t4, t5), s(t5, t6), s(t0, t5),
          ratio(ModelCounter.count(model).params(), ModelCounter.count(compact).params()),
          ratio(ModelCounter.count(model).denseFlops(), ModelCounter.count(compact).denseFlops()));
      out.flush();
      if (exported.length == 0) {
        throw new IllegalStateException("empty export");
      }
    }
    out.println("import+compact = read + import + plan + mask + compact (without the export).");
    return PrunusCommand.OK;
  }

  private static double s(long from, long to) {
    return (to - from) / 1e9;
  }

  private static String ratio(long before, long after) {
    return String.format(Locale.ROOT, "%.3f", (double) after / before);
  }
}
