package dev.prunus.cli;

import dev.prunus.io.OutputPath;
import dev.prunus.model.Model;
import dev.prunus.onnx.ExportFormat;
import dev.prunus.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus export RUN --format onnx|safetensors --out FILE}: a run's model for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a run's model (trained, pruned, compacted or imported) as ONNX (opset 14, dynamic batch,",
        "PyTorch's parameter names; masked weights as zeros) or its weights alone as safetensors. The file is",
        "written atomically; --out is checked before anything is read."})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "A run directory.")
  Path run;

  @Option(names = "--format", defaultValue = "onnx", paramLabel = "F",
      description = "onnx (the network) or safetensors (the weights) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    ExportFormat f = ExportFormat.fromName(format);
    OutputPath.checkFile("--out", out);
    Model model = RunDirectory.open(run).readModel();
    f.write(model, out);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %s, %,d bytes)%n", out, f.cliName(),
        model.architecture().name(), Files.size(out));
    return PrunusCommand.OK;
  }
}
