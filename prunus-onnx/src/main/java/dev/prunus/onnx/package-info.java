/**
 * ONNX in and out: {@link dev.prunus.onnx.OnnxImport} reads an ONNX file into a Prunus model graph (refusing,
 * by node and op type, what it cannot express), {@link dev.prunus.onnx.OnnxExport} writes a model (masked or
 * compacted) as opset 14 that ONNX Runtime runs, {@link dev.prunus.onnx.SafetensorsExport} writes the weights
 * under PyTorch's names, and {@link dev.prunus.onnx.OrtInference} times an exported model in ONNX Runtime.
 * The protobuf classes are generated at build time from {@code src/main/proto/onnx.proto}.
 */
package dev.prunus.onnx;
