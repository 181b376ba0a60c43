package dev.prunus.onnx;

import dev.prunus.InvalidInputException;
import dev.prunus.onnx.proto.OnnxProto.AttributeProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import java.util.List;
import java.util.Optional;

/**
 * One node of an ONNX graph as the importer reads it: its inputs and outputs (an empty name is an optional
 * input left out), its attributes with ONNX's defaults, and messages that name it.
 *
 * @param index its position in the graph, for generated names
 */
record OnnxNode(NodeProto proto, int index) {
  String opType() {
    return proto.getOpType();
  }

  /** The node's name, or {@code OpType_index} when it has none (ONNX names are optional). */
  String name() {
    return proto.getName().isEmpty() ? proto.getOpType() + "_" + index : proto.getName();
  }

  /** How messages name it: {@code node '/layer1/Conv' (Conv)}. */
  String describe() {
    return "node '" + name() + "' (" + opType() + ")";
  }

  List<String> inputs() {
    return proto.getInputList();
  }

  /** Input {@code i}, or empty when absent or left out (an empty name). */
  Optional<String> input(int i) {
    return i < proto.getInputCount() && !proto.getInput(i).isEmpty() ? Optional.of(proto.getInput(i)) : Optional.empty();
  }

  /** Input {@code i}, which the op requires. */
  String requireInput(int i) {
    return input(i).orElseThrow(() -> refuse("needs input " + (i + 1) + ", which the file leaves out"));
  }

  List<String> outputs() {
    return proto.getOutputList();
  }

  String output() {
    return proto.getOutput(0);
  }

  Optional<AttributeProto> attribute(String name) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  long integer(String name, long fallback) {
    return attribute(name).map(AttributeProto::getI).orElse(fallback);
  }

  float real(String name, float fallback) {
    return attribute(name).map(AttributeProto::getF).orElse(fallback);
  }

  String text(String name, String fallback) {
    return attribute(name).map(a -> a.getS().toStringUtf8()).orElse(fallback);
  }

  /** An integer list attribute, or empty when the node has none. */
  Optional<long[]> integers(String name) {
    return attribute(name).map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray());
  }

  /** A refusal naming this node: {@code node 'x' (Op) <what>}. */
  InvalidInputException refuse(String what) {
    return new InvalidInputException(describe() + " " + what);
  }
}
