package dev.prunus.kernel;

import dev.prunus.CliName;

/**
 * How Prunus asks libtorch for a 2-D convolution.
 *
 * <p>libtorch 2.7.1 hands float convolutions on CPU to oneDNN 3.7.1, whose AVX-512 direct kernels work on
 * blocks of 16 channels. On some CPUs (first seen on a 2-core AMD EPYC with AVX-512) a channel count above
 * 16 that is not a multiple of 16 gave wrong outputs and intermittent NaN; 4, 8, 16 and 32 channels were
 * right. {@link #PADDED} keeps oneDNN's speed and never gives it such a count.
 */
public enum ConvolutionAlgorithm implements CliName {
  /**
   * oneDNN, with an input channel count above 16 that is not a multiple of 16 zero-padded (on the input
   * and the weight) to the next multiple: the default. The padded channels cost a copy of the input and
   * their share of multiplies (LeNet-5-Caffe's conv2: 20 channels computed as 32). Grouped convolutions
   * pass unchanged. Output channels are not padded: the engine check covers the input gradient, whose
   * sum runs over them, and falls back to {@link #NATIVE} where that is wrong.
   */
  PADDED("padded"),
  /** oneDNN exactly as libtorch calls it. */
  ONEDNN("onednn"),
  /** libtorch's own im2col and GEMM convolution, with oneDNN switched off: right everywhere, about 5x slower. */
  NATIVE("native");

  private final String cliName;

  ConvolutionAlgorithm(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in provenance. */
  @Override
  public String cliName() {
    return cliName;
  }

  public static ConvolutionAlgorithm fromName(String name) {
    return CliName.lookUp(ConvolutionAlgorithm.class, name, "convolution algorithm", "algorithms");
  }
}
