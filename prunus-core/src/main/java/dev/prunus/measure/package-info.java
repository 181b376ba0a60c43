/**
 * Counting: parameters (total, kept by the masks, batch norm) and FLOPs (dense, masked, structured) per layer
 * and for a whole model, from its architecture and masks without running it. The numbers of metrics.json,
 * {@code prunus info} and the report. Timing: {@link dev.prunus.measure.InferenceBenchmark} runs forms of a model
 * alternately on {@link dev.prunus.measure.InferenceEngine}s (libtorch, the Java sparse path, and ONNX Runtime
 * from the prunus-onnx module) for the measured speed-up.
 */
package dev.prunus.measure;
