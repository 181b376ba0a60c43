package dev.prunus.onnx;

import dev.prunus.CliName;
import dev.prunus.model.Model;
import java.nio.file.Path;

/** What {@code prunus export --format} writes: the whole network as ONNX, or the weights as safetensors. */
public enum ExportFormat implements CliName {
  /** The network and its weights ({@link OnnxExport}). */
  ONNX("onnx"),
  /** The weights only, PyTorch-style names ({@link SafetensorsExport}). */
  SAFETENSORS("safetensors");

  private final String cliName;

  ExportFormat(String cliName) {
    this.cliName = cliName;
  }

  @Override
  public String cliName() {
    return cliName;
  }

  public static ExportFormat fromName(String name) {
    return CliName.lookUp(ExportFormat.class, name, "export format", "export formats");
  }

  /** Writes {@code model} to {@code file} in this format, atomically. */
  public void write(Model model, Path file) {
    switch (this) {
      case ONNX -> OnnxExport.write(model, file);
      case SAFETENSORS -> SafetensorsExport.write(model, file);
      default -> throw new IllegalStateException(name());
    }
  }
}
