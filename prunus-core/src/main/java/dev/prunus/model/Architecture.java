package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a network, without its weights: a value that can be saved, compared and rebuilt.
 *
 * <p>Built for one input shape (shape inference runs in the constructor, so an architecture that does
 * not fit its input is rejected). {@code name} is the zoo id it came from (or a derived name once
 * compacted), {@code width} the width multiplier it was built with.
 */
public record Architecture(
    String name, FeatureShape input, int numClasses, double width, List<Layer> layers) {

  public Architecture {
    layers = List.copyOf(layers);
    FeatureShape out = input;
    for (Layer l : layers) {
      out = l.outputShape(out);
    }
    if (out.size() != numClasses) {
      throw new InvalidInputException(
          "architecture " + name + " produces " + out + " values, expected " + numClasses + " classes");
    }
    collectShapes(layers); // rejects duplicate parameter names
  }

  /** Conv and linear layers in forward order (residual branches before their projection shortcut). */
  public List<PrunableLayer> prunableLayers() {
    List<PrunableLayer> out = new ArrayList<>();
    visit(layers, l -> {
      if (l instanceof PrunableLayer p) {
        out.add(p);
      }
    });
    return out;
  }

  /** Batch-norm layers in forward order. */
  public List<BatchNormLayer> batchNormLayers() {
    List<BatchNormLayer> out = new ArrayList<>();
    visit(layers, l -> {
      if (l instanceof BatchNormLayer b) {
        out.add(b);
      }
    });
    return out;
  }

  /** The output shape of every prunable layer, for the standard input; keys in forward order. */
  public Map<String, FeatureShape> prunableOutputShapes() {
    Map<String, FeatureShape> out = new LinkedHashMap<>();
    inferShapes(layers, input, out);
    return Collections.unmodifiableMap(out);
  }

  /** Every parameter (trainable or running statistic) with its shape, in forward order. */
  public Map<String, long[]> parameterShapes() {
    return Collections.unmodifiableMap(collectShapes(layers));
  }

  /**
   * The shortcut masks a model of this architecture may carry, one per residual block, each of shape
   * {@code [output channels]} (see {@link ResidualBlock#shortcutMaskName()}); keys in forward order.
   */
  public Map<String, long[]> shortcutMaskShapes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    collectShortcutMasks(layers, input, out);
    return Collections.unmodifiableMap(out);
  }

  private static FeatureShape collectShortcutMasks(List<Layer> layers, FeatureShape in, Map<String, long[]> out) {
    FeatureShape s = in;
    for (Layer l : layers) {
      FeatureShape next = l.outputShape(s);
      if (l instanceof ResidualBlock r) {
        out.put(r.shortcutMaskName(), new long[] {next.channels()});
      }
      s = next;
    }
    return s;
  }

  /** Number of output values: the classes. */
  public FeatureShape outputShape() {
    FeatureShape out = input;
    for (Layer l : layers) {
      out = l.outputShape(out);
    }
    return out;
  }

  private static FeatureShape inferShapes(List<Layer> layers, FeatureShape in, Map<String, FeatureShape> out) {
    FeatureShape s = in;
    for (Layer l : layers) {
      if (l instanceof ResidualBlock r) {
        inferShapes(r.branch(), s, out);
        if (r.shortcut() instanceof Shortcut.Projection p) {
          out.put(p.conv().name(), p.conv().outputShape(s));
        }
      }
      FeatureShape next = l.outputShape(s);
      if (l instanceof PrunableLayer p) {
        out.put(p.name(), next);
      }
      s = next;
    }
    return s;
  }

  private static Map<String, long[]> collectShapes(List<Layer> layers) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    visit(layers, l -> {
      if (l instanceof PrunableLayer p) {
        put(shapes, order, p.weightName(), p.weightShape());
        if (p.hasBias()) {
          put(shapes, order, p.biasName(), new long[] {p.outputUnits()});
        }
      } else if (l instanceof BatchNormLayer b) {
        long[] c = {b.channels()};
        put(shapes, order, b.gammaName(), c);
        put(shapes, order, b.betaName(), c);
        put(shapes, order, b.runningMeanName(), c);
        put(shapes, order, b.runningVarName(), c);
      }
    });
    if (order.size() != shapes.size()) {
      throw new IllegalArgumentException("duplicate parameter names: " + order);
    }
    return shapes;
  }

  private static void put(Map<String, long[]> shapes, List<String> order, String name, long[] shape) {
    shapes.put(name, shape);
    order.add(name);
  }

  /** Visits every layer, entering residual blocks: branch first, then a projection's conv and batch norm. */
  public static void visit(List<Layer> layers, java.util.function.Consumer<Layer> visitor) {
    for (Layer l : layers) {
      visitor.accept(l);
      if (l instanceof ResidualBlock r) {
        visit(r.branch(), visitor);
        if (r.shortcut() instanceof Shortcut.Projection p) {
          visitor.accept(p.conv());
          visitor.accept(p.batchNorm());
        }
      }
    }
  }
}
