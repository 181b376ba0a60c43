package dev.prunus.run;

import dev.prunus.model.FeatureShape;

/**
 * How an imported run's model was made ({@code prunus import}), stored as the {@code config} of its
 * provenance.json (kind {@value #KIND}): the file it came from and its SHA-256, what wrote that file, and the
 * network it gave. {@code architecture} is the model's name in Prunus (the file's base name), which a run's
 * model files must carry ({@link RunFileCheck}); a compacted descendant adds {@code -compact}.
 *
 * @param format the file's format, {@code onnx}
 * @param source the absolute path of the imported file
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param producer the program that wrote it and its version, e.g. {@code pytorch 1.13.0}
 * @param opset the version of the default ONNX operator set the file uses
 * @param input the shape of one example, {@code [C, H, W]}
 * @param batch the batch size the file fixes, or null when its batch axis is dynamic
 * @param numClasses the classes of the imported model (after {@code head}, if replaced)
 * @param architecture the model's name in Prunus
 * @param head the classifier layer replaced by {@code --classes}, or null when the file's own was kept
 */
public record ImportConfig(String format, String source, String sha256, String producer, int opset, FeatureShape input,
    Integer batch, int numClasses, String architecture, HeadReplacement head) {
  /** The provenance kind of an imported run. */
  public static final String KIND = "import";

  /**
   * The classifier layer {@code --classes} replaced: its name, how many classes the file had, and the seed
   * the new layer's weights were drawn from (PyTorch's default initialisation).
   */
  public record HeadReplacement(String layer, int originalClasses, long seed) {}
}
