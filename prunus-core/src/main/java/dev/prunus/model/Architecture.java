package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.prunus.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The structure of a network, without its weights: a graph of {@link Node}s over named tensors, a value
 * that can be saved, compared and rebuilt.
 *
 * <p>The network input is the tensor {@link #INPUT} of shape {@code input} per example; nodes are in
 * topological order and the last node's tensor is the output, of {@code numClasses} values. Shape
 * inference runs in the constructor, so a graph that does not fit its input is refused. {@code name} is
 * the zoo id it came from (or a derived name once compacted), {@code width} the width multiplier it was
 * built with. The zoo builds its models in sequential form ({@link #sequential}), lowered into nodes.
 */
@JsonPropertyOrder({"name", "input", "numClasses", "width", "nodes"})
public final class Architecture {
  /** The name of the network input tensor. */
  public static final String INPUT = "input";

  private final String name;
  private final FeatureShape input;
  private final int numClasses;
  private final double width;
  private final List<Node> nodes;
  private final Map<String, TensorShape> shapes;
  private final Map<String, Node> byName;

  /**
   * A graph.
   *
   * @throws InvalidInputException if a node reads a tensor no earlier node makes, a shape does not fit,
   *     two nodes or parameters share a name, or the output is not {@code numClasses} values
   */
  public Architecture(String name, FeatureShape input, int numClasses, double width, List<Node> nodes) {
    this.name = name;
    this.input = Objects.requireNonNull(input);
    this.numClasses = numClasses;
    this.width = width;
    this.nodes = List.copyOf(nodes);
    if (this.nodes.isEmpty()) {
      throw new InvalidInputException("architecture " + name + " has no nodes");
    }
    Map<String, TensorShape> s = new LinkedHashMap<>();
    Map<String, Node> b = new HashMap<>();
    s.put(INPUT, TensorShape.of(input));
    for (Node n : this.nodes) {
      if (n.layer() instanceof ResidualBlock || n.layer() instanceof ZeroPadLayer) {
        throw new IllegalArgumentException("node " + n.name() + ": " + n.layer().getClass().getSimpleName()
            + " belongs to the sequential form; lower it with Architecture.sequential");
      }
      List<TensorShape> in = new ArrayList<>();
      for (String t : n.inputs()) {
        TensorShape ts = s.get(t);
        if (ts == null) {
          throw new InvalidInputException("node " + n.name() + " of " + name + " reads tensor '" + t
              + "', which no earlier node makes");
        }
        in.add(ts);
      }
      if (s.containsKey(n.name())) {
        throw new InvalidInputException("architecture " + name + " has two tensors named '" + n.name() + "'");
      }
      try {
        s.put(n.name(), n.layer().outputShape(in));
      } catch (InvalidInputException e) {
        throw e.prefixed("node " + n.name() + " of " + name + ": ");
      }
      b.put(n.name(), n);
    }
    this.shapes = Collections.unmodifiableMap(s);
    this.byName = Collections.unmodifiableMap(b);
    TensorShape out = s.get(output());
    if (out.size() != numClasses) {
      throw new InvalidInputException(
          "architecture " + name + " produces " + out + " values, expected " + numClasses + " classes");
    }
    collectShapes(this.nodes); // rejects duplicate parameter names
  }

  /**
   * The graph of a sequential list of layers, each feeding the next; a {@link ResidualBlock} becomes its
   * branch, its shortcut, a gate {@code <block>.shortcut} and an add {@code <block>}, a
   * {@link ZeroPadLayer} a {@link PadLayer}.
   */
  public static Architecture sequential(
      String name, FeatureShape input, int numClasses, double width, List<Layer> layers) {
    return new Architecture(name, input, numClasses, width, SequentialLowering.lower(TensorShape.of(input), layers));
  }

  @JsonCreator
  static Architecture fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("input") FeatureShape input,
      @JsonProperty("numClasses") int numClasses,
      @JsonProperty("width") double width,
      @JsonProperty("nodes") List<Node> nodes,
      @JsonProperty("layers") List<Layer> layers) {
    // files written before the graph hold only the sequential form
    return layers != null ? sequential(name, input, numClasses, width, layers)
        : new Architecture(name, input, numClasses, width, nodes);
  }

  @JsonGetter
  public String name() {
    return name;
  }

  @JsonGetter
  public FeatureShape input() {
    return input;
  }

  @JsonGetter
  public int numClasses() {
    return numClasses;
  }

  @JsonGetter
  public double width() {
    return width;
  }

  /** The nodes in topological order. */
  @JsonGetter
  public List<Node> nodes() {
    return nodes;
  }

  /** The node that makes tensor {@code name}, or null for the network input. */
  public Node node(String name) {
    return byName.get(name);
  }

  /** The shape of tensor {@code name} per example. */
  public TensorShape shape(String tensor) {
    TensorShape s = shapes.get(tensor);
    if (s == null) {
      throw new IllegalArgumentException("no tensor '" + tensor + "' in " + name);
    }
    return s;
  }

  /** The name of the output tensor: the last node's. */
  public String output() {
    return nodes.get(nodes.size() - 1).name();
  }

  /** Conv and linear layers in node order (residual branches before their projection shortcut). */
  public List<PrunableLayer> prunableLayers() {
    List<PrunableLayer> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.layer() instanceof PrunableLayer p) {
        out.add(p);
      }
    }
    return out;
  }

  /** Batch-norm layers in node order. */
  public List<BatchNormLayer> batchNormLayers() {
    List<BatchNormLayer> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.layer() instanceof BatchNormLayer b) {
        out.add(b);
      }
    }
    return out;
  }

  /** The output shape of every prunable layer, for the standard input; keys in node order. */
  public Map<String, FeatureShape> prunableOutputShapes() {
    Map<String, FeatureShape> out = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.layer() instanceof PrunableLayer p) {
        out.put(p.name(), shapes.get(n.name()).asFeatureShape());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Every parameter (trainable or running statistic) with its shape, in node order. */
  public Map<String, long[]> parameterShapes() {
    return Collections.unmodifiableMap(collectShapes(nodes));
  }

  /**
   * The masks of the {@link ChannelGateLayer}s (a residual block's shortcut mask), each of shape
   * {@code [channels]}; keys in node order.
   */
  public Map<String, long[]> shortcutMaskShapes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.layer() instanceof ChannelGateLayer g) {
        out.put(g.maskName(), new long[] {g.channels()});
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The output shape: {@code [numClasses]} values. */
  public FeatureShape outputShape() {
    return shapes.get(output()).asFeatureShape();
  }

  private static Map<String, long[]> collectShapes(List<Node> nodes) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (Node n : nodes) {
      if (n.layer() instanceof PrunableLayer p) {
        put(shapes, order, p.weightName(), p.weightShape());
        if (p.hasBias()) {
          put(shapes, order, p.biasName(), new long[] {p.outputUnits()});
        }
      } else if (n.layer() instanceof BatchNormLayer b) {
        long[] c = {b.channels()};
        put(shapes, order, b.gammaName(), c);
        put(shapes, order, b.betaName(), c);
        put(shapes, order, b.runningMeanName(), c);
        put(shapes, order, b.runningVarName(), c);
      }
    }
    if (order.size() != shapes.size()) {
      throw new InvalidInputException("duplicate parameter names: " + order);
    }
    return shapes;
  }

  private static void put(Map<String, long[]> shapes, List<String> order, String name, long[] shape) {
    shapes.put(name, shape);
    order.add(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Architecture a && name.equals(a.name) && input.equals(a.input) && numClasses == a.numClasses
        && Double.compare(width, a.width) == 0 && nodes.equals(a.nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, input, numClasses, width, nodes);
  }

  @Override
  public String toString() {
    return "Architecture[" + name + ", " + input + " -> " + numClasses + ", " + nodes.size() + " nodes]";
  }
}
