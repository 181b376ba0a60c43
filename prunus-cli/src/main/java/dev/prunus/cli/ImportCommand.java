package dev.prunus.cli;

import dev.prunus.data.Checksum;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.ClassifierHead;
import dev.prunus.model.Model;
import dev.prunus.onnx.OnnxImport;
import dev.prunus.run.ImportConfig;
import dev.prunus.run.ImportRun;
import dev.prunus.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus import MODEL.onnx --out RUN}: an ONNX image classifier as a Prunus run directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Read an ONNX image classifier (as PyTorch 1.13 exports torchvision's: opsets 11 to 17) into a run",
        "directory (model.prunus, provenance.json of kind import, metrics.json with its parameter and FLOP counts),",
        "which `prunus info`, `export`, and fine-tuning and pruning from it read. An unsupported operation is refused",
        "naming the node, its op and the supported ops; nothing is written then."})
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL.onnx", description = "The ONNX file: one [N, C, H, W] input, one [N, classes] output.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory to write (new or empty).")
  Path out;

  @Option(names = "--classes", paramLabel = "N",
      description = "Replace the classifier (the last conv or linear layer) by a fresh one with N classes, drawn from "
          + "--seed (PyTorch's default initialisation), e.g. to fine-tune on another dataset.")
  Integer classes;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of a replaced classifier's weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    RunDirectory.checkWritable(out);
    long t0 = System.nanoTime();
    OnnxImport.Imported imported = OnnxImport.read(file);
    Model model = imported.model();
    Architecture a = model.architecture();
    ImportConfig.HeadReplacement head = null;
    if (classes != null && classes != a.numClasses()) {
      head = new ImportConfig.HeadReplacement(ClassifierHead.of(a).name(), a.numClasses(), seed);
      model = ClassifierHead.replace(model, classes, seed);
    }
    String sha256;
    try {
      sha256 = Checksum.sha256Hex(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    ImportConfig config = new ImportConfig("onnx", file.toAbsolutePath().normalize().toString(), sha256,
        imported.producer(), imported.opset(), a.input(), imported.batch(), model.architecture().numClasses(), a.name(),
        head);
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    ImportRun.write(out, model, config, seed, command, spec.commandLine().getErr()::println);
    double seconds = (System.nanoTime() - t0) / 1e9;
    ModelCount c = ModelCounter.count(model);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "imported %s (%s, opset %d): %d nodes, %,d parameters (+%,d batch norm), %,d FLOPs per image, input %s, %d classes%s"
            + " -> %s (%.1f s)%n", file, imported.producer(), imported.opset(), model.architecture().nodes().size(),
        c.params(), c.batchNormParams(), c.denseFlops(), a.input(), model.architecture().numClasses(),
        head == null ? "" : " (classifier " + head.layer() + " replaced: " + head.originalClasses() + " -> " + classes + ")",
        out, seconds);
    return PrunusCommand.OK;
  }
}
