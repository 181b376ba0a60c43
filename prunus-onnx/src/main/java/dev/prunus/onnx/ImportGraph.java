package dev.prunus.onnx;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Layer;
import dev.prunus.model.Mask;
import dev.prunus.model.NamedLayer;
import dev.prunus.model.Node;
import dev.prunus.model.Tensor;
import dev.prunus.model.TensorShape;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one import while its ONNX nodes are translated, in order: what each ONNX tensor name stands
 * for (a tensor of the Prunus graph with its per-example shape, or a {@link ConstantValue}), the Prunus
 * nodes made so far and their weights. Mutable, and used by one import only.
 */
final class ImportGraph {
  /** A tensor of the Prunus graph: the network input or a node's output, with its shape per example. */
  record Flow(String name, TensorShape shape) {}

  private final Map<String, TensorProto> initializers;
  private final Map<String, ConstantValue> constants = new HashMap<>();
  private final Map<String, Flow> flows = new HashMap<>();
  private final Set<String> weightsRead = new HashSet<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Tensor> weights = new LinkedHashMap<>();
  private final Map<String, Mask> masks = new LinkedHashMap<>();
  private final OnnxNames names;
  private final Long batch;

  /**
   * @param initializers the graph's initializers by name (decoded when read)
   * @param names how nodes are named
   * @param batch the batch size the file fixes, or null when its batch axis is dynamic
   */
  ImportGraph(Map<String, TensorProto> initializers, OnnxNames names, Long batch) {
    this.initializers = initializers;
    this.names = names;
    this.batch = batch;
  }

  OnnxNames names() {
    return names;
  }

  /** The batch size the file fixes, or {@link ConstantValue#UNKNOWN_BATCH}. */
  long batch() {
    return batch == null ? ConstantValue.UNKNOWN_BATCH : batch;
  }

  boolean batchIsFixed() {
    return batch != null;
  }

  /** Binds ONNX tensor {@code onnxName} to the Prunus tensor {@code flow}. */
  void bind(String onnxName, Flow flow) {
    flows.put(onnxName, flow);
  }

  void putConstant(ConstantValue c) {
    constants.put(c.name(), c);
  }

  /** Makes {@code alias} stand for what {@code of} stands for (Identity, Dropout). */
  void alias(OnnxNode n, String alias, String of) {
    Optional<ConstantValue> c = constant(of);
    if (c.isPresent()) {
      constants.put(alias, c.get().named(alias));
    } else {
      flows.put(alias, flow(n, of));
    }
  }

  boolean isConstant(String onnxName) {
    return constants.containsKey(onnxName) || initializers.containsKey(onnxName);
  }

  /** The constant {@code onnxName} stands for, if it is one. */
  Optional<ConstantValue> constant(String onnxName) {
    ConstantValue c = constants.get(onnxName);
    if (c == null && initializers.containsKey(onnxName)) {
      c = ConstantValue.decode(initializers.get(onnxName), onnxName);
    }
    return Optional.ofNullable(c);
  }

  /** Input {@code i} of {@code n}, which must be a constant ({@code role} says what it is for). */
  ConstantValue requireConstant(OnnxNode n, int i, String role) {
    String name = n.requireInput(i);
    return constant(name).orElseThrow(() -> n.refuse("reads its " + role + " from '" + name
        + "', which is computed in the graph; Prunus needs it as an initializer or Constant"));
  }

  /**
   * Input {@code i} of {@code n} as a layer's weight: a float constant that no other layer reads (Prunus
   * layers own their weights).
   */
  ConstantValue weight(OnnxNode n, int i, String role) {
    ConstantValue c = requireConstant(n, i, role);
    if (c.floats() == null) {
      throw n.refuse("has an integer " + role + " '" + c.name() + "': weights must be float32");
    }
    if (!weightsRead.add(c.name())) {
      throw n.refuse("reads the " + role + " '" + c.name() + "', which another layer reads too: Prunus layers own "
          + "their weights, so export the model without weight sharing");
    }
    return c;
  }

  /** The Prunus tensor input {@code name} of {@code n} stands for; a constant there is refused. */
  Flow flow(OnnxNode n, String name) {
    Flow f = flows.get(name);
    if (f == null) {
      if (isConstant(name)) {
        throw n.refuse("applies its operation to the constant '" + name + "': Prunus imports operations on the "
            + "network's tensors, and on constants only shape arithmetic");
      }
      throw n.refuse("reads '" + name + "', which no earlier node makes: the graph is not in topological order, "
          + "or it reads a tensor Prunus dropped");
    }
    return f;
  }

  /** Input {@code i} of {@code n}, a Prunus tensor. */
  Flow flow(OnnxNode n, int i) {
    return flow(n, n.requireInput(i));
  }

  /**
   * Adds a node named {@code name} computing {@code layer} of {@code inputs}, and returns its output.
   *
   * @throws InvalidInputException naming {@code n} if the layer does not fit its inputs' shapes
   */
  Flow add(OnnxNode n, String name, Layer layer, List<Flow> inputs) {
    List<TensorShape> in = new ArrayList<>();
    List<String> tensors = new ArrayList<>();
    for (Flow f : inputs) {
      in.add(f.shape());
      tensors.add(f.name());
    }
    TensorShape out;
    try {
      out = layer.outputShape(in);
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw n.refuse("does not fit its inputs " + in + ": " + e.getMessage());
    }
    if (layer instanceof NamedLayer named && !named.name().equals(name)) {
      throw new IllegalStateException("layer " + named.name() + " added as node " + name);
    }
    nodes.add(new Node(name, layer, tensors));
    return new Flow(name, out);
  }

  /** {@link #add} of a node without parameters, named after {@code n}. */
  Flow addOperation(OnnxNode n, Layer layer, List<Flow> inputs) {
    return add(n, names.forOperation(n.name()), layer, inputs);
  }

  /** Stores parameter {@code name} (e.g. {@code fc.weight}) with {@code shape}. */
  void putWeight(String name, long[] shape, float[] values) {
    weights.put(name, new Tensor(shape, values));
  }

  /** Stores the mask {@code name} (a channel gate's). */
  void putMask(String name, Mask mask) {
    masks.put(name, mask);
  }

  Map<String, Mask> masks() {
    return masks;
  }

  List<Node> nodes() {
    return nodes;
  }

  Map<String, Tensor> weights() {
    return weights;
  }

  /** The Prunus tensor ONNX tensor {@code name} stands for, if any. */
  Optional<Flow> find(String name) {
    return Optional.ofNullable(flows.get(name));
  }
}
