package dev.prunus.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that pick and shape a zoo model, shared by every command that builds one. */
final class ModelSelection {
  @Option(names = "--model", paramLabel = "M", description = "Model id (see `prunus models`).")
  String model;

  @Option(names = "--width", paramLabel = "W", defaultValue = "1.0",
      description = "Width multiplier for channels and hidden units, in (0, 8] (default: ${DEFAULT-VALUE}).")
  double width;

  @Option(names = "--vgg-head", paramLabel = "N", split = ",",
      description = "vgg16 only: hidden FC sizes of the classifier head, e.g. 512,512 (default: none, one FC layer).")
  List<Integer> vggHead = new ArrayList<>();
}
