package dev.prunus.onnx;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.Tensor;
import dev.prunus.model.TensorShape;
import dev.prunus.model.Weights;
import dev.prunus.onnx.ImportGraph.Flow;
import dev.prunus.onnx.proto.OnnxProto.GraphProto;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.onnx.proto.OnnxProto.NodeProto;
import dev.prunus.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.prunus.onnx.proto.OnnxProto.TensorProto;
import dev.prunus.onnx.proto.OnnxProto.TensorShapeProto;
import dev.prunus.onnx.proto.OnnxProto.TypeProto;
import dev.prunus.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ONNX image classifier into a Prunus {@link Model}: its graph becomes an {@link Architecture} of
 * nodes, its initializers the weights, named as PyTorch's state_dict names them where the file came from
 * PyTorch ({@link OnnxNames}; batch norm's {@code weight} and {@code bias} become {@code gamma} and
 * {@code beta}). The operations and the opsets read are those PyTorch 1.13's exporter writes for
 * torchvision's classifiers ({@link #SUPPORTED}, opsets {@value #MIN_OPSET} to {@value #MAX_OPSET}).
 *
 * <p>The file must have one input, {@code [N, C, H, W]} float32 with only the batch axis dynamic (a
 * symbolic name, 0 or -1), and one output of {@code [N, classes]}. Dropout and Identity are dropped,
 * Constants and shape arithmetic folded ({@link ShapeArithmetic}), nodes that do not lead to the output
 * left out. Anything else is refused with an {@link InvalidInputException} that names the node, its op and
 * what Prunus reads instead: an unsupported op, a second input, a dynamic image size, weights Prunus
 * cannot own.
 */
public final class OnnxImport {
  /** The ONNX operator set versions read: what PyTorch 1.13 writes. */
  public static final int MIN_OPSET = 11;

  public static final int MAX_OPSET = 17;

  /** The ONNX operations read (Shape, Gather, Unsqueeze, Squeeze, Sub, Div and Cast only on constants). */
  public static final List<String> SUPPORTED = List.of("Conv", "Gemm", "MatMul", "BatchNormalization", "Relu", "Clip",
      "Sigmoid", "HardSigmoid", "HardSwish", "Add", "Mul", "Concat", "Split", "Slice", "Pad", "MaxPool", "AveragePool",
      "GlobalAveragePool", "ReduceMean", "Flatten", "Reshape", "Transpose", "Dropout", "Identity", "Constant", "Shape",
      "Gather", "Unsqueeze", "Squeeze", "Sub", "Div", "Cast");

  /**
   * An imported model with what its file says about itself.
   *
   * @param producer the program that wrote the file and its version, e.g. {@code pytorch 1.13.0}
   * @param opset the file's default operator set version
   * @param batch the batch size the file fixes, or null when its batch axis is dynamic
   * @param inputName the name of the file's input
   */
  public record Imported(Model model, String producer, int opset, Integer batch, String inputName) {}

  private final ModelProto proto;
  private final String name;

  private OnnxImport(ModelProto proto, String name) {
    this.proto = proto;
    this.name = name;
  }

  /** Reads {@code file}; the architecture is named after the file, less {@code .onnx}. */
  public static Imported read(Path file) {
    String base = file.getFileName().toString();
    if (base.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
      base = base.substring(0, base.length() - ".onnx".length());
    }
    try {
      return read(OnnxFile.read(file), OnnxNames.sanitize(base));
    } catch (InvalidInputException e) {
      throw e.getMessage().startsWith(file.toString()) ? e : new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code proto} into a model whose architecture is named {@code name}. */
  public static Imported read(ModelProto proto, String name) {
    return new OnnxImport(proto, name).translate();
  }

  private Imported translate() {
    GraphProto graph = proto.getGraph();
    int opset = opset();
    refuseUnsupported(graph);
    Map<String, TensorProto> initializers = new LinkedHashMap<>();
    for (TensorProto t : graph.getInitializerList()) {
      initializers.put(t.getName(), t);
    }
    ValueInfoProto input = single("input", graph.getInputList().stream()
        .filter(v -> !initializers.containsKey(v.getName())).toList());
    ValueInfoProto output = single("output", graph.getOutputList());
    Long batch = batchOf(input);
    FeatureShape shape = imageShape(input);
    Set<String> parameterNames = new LinkedHashSet<>(initializers.keySet());
    for (NodeProto n : graph.getNodeList()) {
      parameterNames.addAll(n.getInputList());
    }
    parameterNames.remove("");
    ImportGraph g = new ImportGraph(initializers, new OnnxNames(parameterNames), batch);
    g.bind(input.getName(), new Flow(Architecture.INPUT, TensorShape.of(shape)));
    translateNodes(g, graph);
    Flow out = g.find(output.getName()).orElseThrow(() -> new InvalidInputException("the output '" + output.getName()
        + "' is " + (g.isConstant(output.getName()) ? "a constant" : "made by no node") + ": Prunus imports a network "
        + "whose output is computed from its input"));
    checkOutput(output, out);
    List<Node> nodes = reaching(g.nodes(), out.name());
    Architecture arch;
    try {
      arch = new Architecture(name, shape, (int) out.shape().size(), 1.0, nodes);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("the imported graph is not valid: " + e.getMessage(), e);
    }
    Map<String, Tensor> weights = new LinkedHashMap<>();
    for (String p : arch.parameterShapes().keySet()) {
      weights.put(p, g.weights().get(p));
    }
    Map<String, Mask> masks = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.layer() instanceof ChannelGateLayer gate && g.masks().containsKey(gate.maskName())) {
        masks.put(gate.maskName(), g.masks().get(gate.maskName()));
      }
    }
    Model model = new Model(arch, new Weights(weights), new Masks(masks));
    String producer = (proto.getProducerName() + " " + proto.getProducerVersion()).trim();
    return new Imported(model, producer.isEmpty() ? "unknown" : producer, opset,
        batch == null ? null : batch.intValue(), input.getName());
  }

  private void translateNodes(ImportGraph g, GraphProto graph) {
    Map<String, List<Integer>> readers = new HashMap<>();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      for (String in : graph.getNode(i).getInputList()) {
        readers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
      }
    }
    Set<Integer> absorbed = new HashSet<>();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      if (absorbed.contains(i)) {
        continue;
      }
      OnnxNode n = new OnnxNode(graph.getNode(i), i);
      if (ShapeArithmetic.canFold(g, n)) {
        ShapeArithmetic.fold(g, n);
        continue;
      }
      switch (n.opType()) {
        case "Conv" -> LayerOps.conv(g, n);
        case "Gemm" -> LayerOps.gemm(g, n);
        case "MatMul" -> {
          Optional<OnnxNode> add = biasAdd(g, graph, readers, n);
          add.ifPresent(a -> absorbed.add(a.index()));
          LayerOps.matMul(g, n, add);
        }
        case "BatchNormalization" -> LayerOps.batchNorm(g, n);
        case "Relu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish" -> ElementwiseOps.unary(g, n);
        case "Add", "Mul" -> ElementwiseOps.binary(g, n);
        case "Concat" -> TensorOps.concat(g, n);
        case "Split" -> TensorOps.split(g, n);
        case "Slice" -> TensorOps.slice(g, n);
        case "Pad" -> TensorOps.pad(g, n);
        case "Flatten" -> TensorOps.flatten(g, n);
        case "Reshape" -> TensorOps.reshape(g, n);
        case "Transpose" -> TensorOps.transpose(g, n);
        case "MaxPool" -> PoolOps.maxPool(g, n);
        case "AveragePool" -> PoolOps.averagePool(g, n);
        case "GlobalAveragePool" -> PoolOps.globalAveragePool(g, n);
        case "ReduceMean" -> PoolOps.reduceMean(g, n);
        case "Dropout", "Identity" -> g.alias(n, n.output(), n.requireInput(0));
        default -> throw n.refuse("is applied to a computed tensor: Prunus evaluates " + n.opType()
            + " only on constant shapes");
      }
    }
  }

  /** The Add that follows MatMul {@code n} with a constant bias, when it is the only reader of its product. */
  private static Optional<OnnxNode> biasAdd(ImportGraph g, GraphProto graph, Map<String, List<Integer>> readers,
      OnnxNode n) {
    List<Integer> r = readers.getOrDefault(n.output(), List.of());
    if (r.size() != 1) {
      return Optional.empty();
    }
    OnnxNode add = new OnnxNode(graph.getNode(r.get(0)), r.get(0));
    if (!add.opType().equals("Add") || add.inputs().size() != 2) {
      return Optional.empty();
    }
    String other = add.inputs().get(0).equals(n.output()) ? add.inputs().get(1) : add.inputs().get(0);
    return g.isConstant(other) ? Optional.of(add) : Optional.empty();
  }

  private int opset() {
    for (OperatorSetIdProto o : proto.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        int v = (int) o.getVersion();
        if (v < MIN_OPSET || v > MAX_OPSET) {
          throw new InvalidInputException("the model uses ONNX opset " + v + ": Prunus reads opsets " + MIN_OPSET + " to "
              + MAX_OPSET + " (what PyTorch 1.13 writes); export it again with opset_version=13");
        }
        return v;
      }
    }
    throw new InvalidInputException("the model imports no default ONNX operator set (only "
        + proto.getOpsetImportList().stream().map(OperatorSetIdProto::getDomain).toList() + "): Prunus reads the "
        + "standard ONNX operations");
  }

  private static void refuseUnsupported(GraphProto graph) {
    List<OnnxNode> unsupported = new ArrayList<>();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      NodeProto n = graph.getNode(i);
      boolean standard = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
      if (!standard || !SUPPORTED.contains(n.getOpType())) {
        unsupported.add(new OnnxNode(n, i));
      }
    }
    if (!unsupported.isEmpty()) {
      OnnxNode first = unsupported.get(0);
      Set<String> ops = new LinkedHashSet<>();
      unsupported.forEach(u -> ops.add((u.proto().getDomain().isEmpty() ? "" : u.proto().getDomain() + ".") + u.opType()));
      throw new InvalidInputException(first.describe() + (first.proto().getDomain().isEmpty() ? ""
          : " of domain " + first.proto().getDomain()) + " is not supported"
          + (unsupported.size() > 1 ? " (nor " + (unsupported.size() - 1) + " more nodes; ops not supported: "
              + String.join(", ", ops) + ")" : "")
          + ". Prunus imports " + String.join(", ", SUPPORTED) + " (from the standard ONNX domain); export the model "
          + "without the others, or replace them by these");
    }
  }

  private static ValueInfoProto single(String what, List<ValueInfoProto> values) {
    if (values.size() != 1) {
      throw new InvalidInputException("the model has " + values.size() + " " + what + "s "
          + values.stream().map(ValueInfoProto::getName).toList() + ": Prunus imports a classifier with one " + what
          + (what.equals("input") ? " (the images)" : " (the class scores)") + "; export it with one");
    }
    return values.get(0);
  }

  /** The batch size the input fixes, or null when its first axis is symbolic, 0 or -1. */
  private static Long batchOf(ValueInfoProto input) {
    List<TensorShapeProto.Dimension> dims = dims(input);
    TensorShapeProto.Dimension b = dims.get(0);
    return b.hasDimValue() && b.getDimValue() > 0 ? b.getDimValue() : null;
  }

  private static FeatureShape imageShape(ValueInfoProto input) {
    TypeProto.Tensor t = input.getType().getTensorType();
    if (t.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
      throw new InvalidInputException("the input '" + input.getName() + "' is of type "
          + TensorProto.DataType.forNumber(t.getElemType()) + ": Prunus imports float32 inputs");
    }
    List<TensorShapeProto.Dimension> dims = dims(input);
    if (dims.size() != 4) {
      throw new InvalidInputException("the input '" + input.getName() + "' has " + dims.size() + " axes "
          + describe(dims) + ": Prunus imports image classifiers whose input is [N, C, H, W]");
    }
    int[] chw = new int[3];
    for (int i = 1; i < 4; i++) {
      TensorShapeProto.Dimension d = dims.get(i);
      if (!d.hasDimValue() || d.getDimValue() <= 0 || d.getDimValue() > Integer.MAX_VALUE) {
        throw new InvalidInputException("the input '" + input.getName() + "' has shape " + describe(dims) + ", whose axis "
            + i + " is dynamic or unknown: only the batch axis may be; export the model with a fixed image size "
            + "(e.g. torch.onnx.export with dynamic_axes={'" + input.getName() + "': {0: 'batch'}} only)");
      }
      chw[i - 1] = (int) d.getDimValue();
    }
    return new FeatureShape(chw[0], chw[1], chw[2]);
  }

  private static List<TensorShapeProto.Dimension> dims(ValueInfoProto v) {
    if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()
        || v.getType().getTensorType().getShape().getDimCount() == 0) {
      throw new InvalidInputException("the input '" + v.getName() + "' has no declared tensor shape: Prunus needs "
          + "[N, C, H, W] with fixed C, H and W");
    }
    return v.getType().getTensorType().getShape().getDimList();
  }

  private static String describe(List<TensorShapeProto.Dimension> dims) {
    return dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue())
        : d.hasDimParam() ? d.getDimParam() : "?").toList().toString();
  }

  /** The declared output's fixed axes, if any, must be the shape Prunus computed. */
  private static void checkOutput(ValueInfoProto output, Flow out) {
    if (out.shape().rank() != 1 && out.shape().perChannel() != 1) {
      throw new InvalidInputException("the output '" + output.getName() + "' is " + out.shape() + " per example: "
          + "Prunus imports classifiers whose output is [N, classes]");
    }
    TypeProto.Tensor t = output.getType().getTensorType();
    if (!t.hasShape()) {
      return;
    }
    List<TensorShapeProto.Dimension> dims = t.getShape().getDimList();
    boolean same = dims.size() == out.shape().rank() + 1;
    for (int i = 1; same && i < dims.size(); i++) {
      same = !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == out.shape().dim(i - 1);
    }
    if (!same) {
      throw new InvalidInputException("the output '" + output.getName() + "' is declared " + describe(dims)
          + " but the graph computes " + out.shape() + " per example");
    }
  }

  /** The nodes {@code output} depends on, in their order. */
  private static List<Node> reaching(List<Node> nodes, String output) {
    Map<String, Node> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    Set<String> needed = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(output));
    while (!todo.isEmpty()) {
      String t = todo.pop();
      Node n = byName.get(t);
      if (n != null && needed.add(t)) {
        todo.addAll(n.inputs());
      }
    }
    return nodes.stream().filter(n -> needed.contains(n.name())).toList();
  }
}
