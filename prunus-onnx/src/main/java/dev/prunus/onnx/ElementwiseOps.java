package dev.prunus.onnx;

import dev.prunus.model.AddLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ClipLayer;
import dev.prunus.model.HardSigmoidLayer;
import dev.prunus.model.HardSwishLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.Mask;
import dev.prunus.model.MulLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.SigmoidLayer;
import dev.prunus.onnx.ImportGraph.Flow;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Element-wise operations: Relu, Clip (bounds as inputs or, before opset 11, attributes; ReLU6 is
 * {@code [0, 6]}), Sigmoid, HardSigmoid, HardSwish, and Add and Mul of two tensors (SiLU arrives as Sigmoid
 * and Mul, squeeze-excitation as a broadcast Mul). A Mul by a constant 0/1 vector over the channels is a
 * masked {@link ChannelGateLayer}, as Prunus exports one; other arithmetic with constants is refused.
 */
final class ElementwiseOps {
  private ElementwiseOps() {}

  static void unary(ImportGraph g, OnnxNode n) {
    Layer layer = switch (n.opType()) {
      case "Relu" -> new ReluLayer();
      case "Sigmoid" -> new SigmoidLayer();
      case "HardSigmoid" -> new HardSigmoidLayer(n.real("alpha", 0.2f), n.real("beta", 0.5f));
      case "HardSwish" -> new HardSwishLayer();
      case "Clip" -> clip(g, n);
      default -> throw new IllegalArgumentException(n.opType());
    };
    g.bind(n.output(), g.addOperation(n, layer, List.of(g.flow(n, 0))));
  }

  private static ClipLayer clip(ImportGraph g, OnnxNode n) {
    float min = bound(g, n, 1, "min", Float.NEGATIVE_INFINITY);
    float max = bound(g, n, 2, "max", Float.POSITIVE_INFINITY);
    if (!(min <= max)) {
      throw n.refuse("clips to [" + min + ", " + max + "], which is empty");
    }
    return new ClipLayer(min, max);
  }

  private static float bound(ImportGraph g, OnnxNode n, int input, String name, float fallback) {
    if (n.input(input).isPresent()) {
      ConstantValue c = g.requireConstant(n, input, name);
      if (!c.isScalarLike()) {
        throw n.refuse("has a " + name + " of shape " + Arrays.toString(c.shape()) + ": Clip's bounds are scalars");
      }
      return c.asFloats()[0];
    }
    return n.real(name, fallback);
  }

  static void binary(ImportGraph g, OnnxNode n) {
    String a = n.requireInput(0);
    String b = n.requireInput(1);
    if (n.opType().equals("Mul") && g.isConstant(a) != g.isConstant(b)) {
      gate(g, n, g.flow(n, g.isConstant(a) ? b : a), g.constant(g.isConstant(a) ? a : b).get());
      return;
    }
    List<Flow> in = List.of(g.flow(n, a), g.flow(n, b));
    Layer layer = n.opType().equals("Add") ? new AddLayer() : new MulLayer();
    g.bind(n.output(), g.addOperation(n, layer, in));
  }

  /** Mul of {@code x} by a 0/1 constant of one value per channel: a channel gate with that mask. */
  private static void gate(ImportGraph g, OnnxNode n, Flow x, ConstantValue c) {
    int channels = x.shape().channels();
    long[] shape = c.shape();
    boolean perChannel = shape.length == x.shape().rank() + 1 && shape[0] == 1 && shape[1] == channels
        && Arrays.stream(shape).skip(2).allMatch(d -> d == 1);
    float[] v = c.asFloats();
    Optional<boolean[]> keep = Optional.of(new boolean[v.length]);
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0f && v[i] != 1f) {
        keep = Optional.empty();
        break;
      }
      keep.get()[i] = v[i] == 1f;
    }
    if (!perChannel || keep.isEmpty()) {
      throw n.refuse("multiplies by the constant '" + c.name() + "' of shape " + Arrays.toString(shape) + ": Prunus "
          + "reads a product with a constant only as a 0/1 mask over the channels, [1, C, 1, 1]");
    }
    String name = g.names().forOperation(n.name());
    ChannelGateLayer gate = new ChannelGateLayer(name, channels);
    g.bind(n.output(), g.add(n, name, gate, List.of(x)));
    g.putMask(gate.maskName(), new Mask(new long[] {channels}, keep.get()));
  }
}
