package dev.prunus.cli;

import dev.prunus.kernel.Convolution;
import dev.prunus.kernel.ConvolutionAlgorithm;
import dev.prunus.kernel.EngineCheck;
import dev.prunus.kernel.EngineGuard;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The engine check, shared by every command that trains or measures a model: before any work, Prunus
 * checks that libtorch's convolutions agree with a direct convolution on this CPU ({@link EngineCheck}),
 * and refuses (exit 1, naming the CPU and the fix) where they do not.
 */
final class EngineOptions {
  static final String ALGORITHM = "--conv-algorithm";
  static final String SKIP = "--skip-engine-check";

  @Option(names = ALGORITHM, paramLabel = "A", defaultValue = "auto",
      description = "How convolutions run: auto (default: padded where the engine check finds it right, else "
          + "native), padded (oneDNN with channel counts padded to whole blocks of 16), onednn (libtorch "
          + "unchanged) or native (oneDNN off: right everywhere, about 5x slower).")
  String algorithm;

  @Option(names = SKIP,
      description = "Do not check libtorch's convolutions against a direct convolution at start-up "
          + "(about a second). Numbers may be wrong where the check would have failed.")
  boolean skip;

  /**
   * Puts the algorithm in use, after the check unless {@code --skip-engine-check}; warns on {@code err}
   * when the automatic choice had to fall back to the slow algorithm.
   *
   * @throws EngineGuard.EngineCheckFailedException where the engine computes wrong convolutions
   */
  void prepare(PrintWriter err) {
    ConvolutionAlgorithm requested = algorithm.equals("auto") ? null : ConvolutionAlgorithm.fromName(algorithm);
    if (skip) {
      EngineGuard.skip(requested == null ? ConvolutionAlgorithm.PADDED : requested);
      return;
    }
    EngineGuard.Selection s = EngineGuard.select(requested);
    if (s.fellBack()) {
      err.println("prunus: warning: " + s.summary());
    }
  }

  /**
   * The options as they were given, for a run's process on a cluster node, which may have another CPU and
   * so runs its own check: the algorithm unless {@code auto}, and {@code --skip-engine-check} if given.
   */
  java.util.List<String> asGiven() {
    java.util.List<String> given = new java.util.ArrayList<>();
    if (!algorithm.equals("auto")) {
      given.addAll(java.util.List.of(ALGORITHM, algorithm));
    }
    if (skip) {
      given.add(SKIP);
    }
    return given;
  }

  /** The options that give a child process this process's algorithm without checking again. */
  static java.util.List<String> forChild() {
    return java.util.List.of(ALGORITHM, Convolution.algorithm().cliName(), SKIP);
  }
}
