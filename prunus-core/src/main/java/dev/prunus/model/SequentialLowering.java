package dev.prunus.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a sequential list of layers into graph nodes ({@link Architecture#sequential}). Layers with a
 * name keep it as their node's name; the others are named after their kind and position
 * ({@code relu_4}). A residual block {@code b} becomes its branch's nodes, its shortcut's (nothing for an
 * identity; for option A a slice of each spatial axis when strided and a pad of the channels; for a
 * projection its conv and batch norm), a gate {@code b.shortcut} and an add {@code b}.
 */
final class SequentialLowering {
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, TensorShape> shapes = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();

  private SequentialLowering(TensorShape input) {
    shapes.put(Architecture.INPUT, input);
  }

  static List<Node> lower(TensorShape input, List<Layer> layers) {
    SequentialLowering l = new SequentialLowering(input);
    String t = Architecture.INPUT;
    for (Layer layer : layers) {
      t = l.add(layer, t);
    }
    return l.nodes;
  }

  private String add(Layer layer, String in) {
    if (layer instanceof ResidualBlock r) {
      String branch = in;
      for (Layer b : r.branch()) {
        branch = add(b, branch);
      }
      String shortcut = shortcut(r.shortcut(), in);
      ChannelGateLayer gate = new ChannelGateLayer(r.name() + ".shortcut", shapes.get(shortcut).channels());
      String gated = node(gate.name(), gate, List.of(shortcut));
      return node(r.name(), new AddLayer(), List.of(branch, gated));
    } else if (layer instanceof ZeroPadLayer z) {
      return node(generated("pad"), z.asPad(), List.of(in));
    } else if (layer instanceof NamedLayer n) {
      return node(n.name(), layer, List.of(in));
    }
    return node(generated(kind(layer)), layer, List.of(in));
  }

  private String shortcut(Shortcut s, String in) {
    if (s instanceof Shortcut.Identity) {
      return in;
    } else if (s instanceof Shortcut.ZeroPad z) {
      String t = in;
      if (z.stride() > 1) {
        for (int axis = 1; axis <= 2; axis++) {
          t = node(generated("slice"), SliceLayer.every(axis, z.stride(), shapes.get(t).dim(axis)), List.of(t));
        }
      }
      if (z.padBefore() + z.padAfter() > 0) {
        t = node(generated("pad"), PadLayer.channels(z.padBefore(), z.padAfter()), List.of(t));
      }
      return t;
    } else if (s instanceof Shortcut.Projection p) {
      String conv = node(p.conv().name(), p.conv(), List.of(in));
      return node(p.batchNorm().name(), p.batchNorm(), List.of(conv));
    }
    throw new IllegalStateException("no lowering for " + s);
  }

  private String node(String name, Layer layer, List<String> inputs) {
    List<TensorShape> in = inputs.stream().map(shapes::get).toList();
    shapes.put(name, layer.outputShape(in));
    names.add(name);
    nodes.add(new Node(name, layer, inputs));
    return name;
  }

  private String generated(String kind) {
    String name = kind + "_" + nodes.size();
    while (names.contains(name)) {
      name = name + "_";
    }
    return name;
  }

  private static String kind(Layer layer) {
    String simple = layer.getClass().getSimpleName().replaceFirst("Layer$", "");
    return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
