/**
 * The convolution every model runs, and the engine check: libtorch's oneDNN convolutions are checked at
 * start-up against a direct convolution in Java, and the algorithm found right on this CPU (padded channels,
 * oneDNN unchanged, or libtorch's own) is used for the whole process and recorded in provenance.
 * {@code train} runs its convolutions through {@link dev.prunus.kernel.Convolution}.
 */
package dev.prunus.kernel;
