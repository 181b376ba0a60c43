package dev.prunus.onnx;

import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.PadLayer;
import dev.prunus.onnx.ImportGraph.Flow;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ONNX operations with weights: Conv, Gemm, MatMul (with the Add of its bias, when one follows) and
 * BatchNormalization. Each becomes one Prunus layer named after its weight's initializer
 * ({@link OnnxNames}); asymmetric convolution padding becomes an explicit zero {@link PadLayer} before it.
 */
final class LayerOps {
  private LayerOps() {}

  static void conv(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    ConstantValue w = g.weight(n, 1, "weight");
    long[] ws = w.shape();
    if (ws.length != 4 || x.shape().rank() != 3) {
      throw n.refuse("is a " + (ws.length - 2) + "-D convolution: Prunus imports 2-D convolutions of [N, C, H, W] maps");
    }
    String autoPad = n.text("auto_pad", "NOTSET");
    if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
      throw n.refuse("has auto_pad " + autoPad + ": Prunus reads explicit pads; export with explicit padding "
          + "(PyTorch always does)");
    }
    long[] kernel = n.integers("kernel_shape").orElse(new long[] {ws[2], ws[3]});
    if (kernel.length != 2 || kernel[0] != ws[2] || kernel[1] != ws[3]) {
      throw n.refuse("has kernel_shape " + Arrays.toString(kernel) + " but a weight of shape " + Arrays.toString(ws));
    }
    int[] strides = pair(n, "strides");
    int[] dilations = pair(n, "dilations");
    int[] pads = Padding.of(n);
    int groups = (int) n.integer("group", 1);
    int in = x.shape().channels();
    if (groups <= 0 || ws[1] * groups != in || ws[0] % groups != 0) {
      throw n.refuse("has a weight of shape " + Arrays.toString(ws) + " and " + groups + " groups, which does not fit its "
          + in + " input channels");
    }
    String name = g.names().forParameters(w.name());
    Flow input = x;
    int padH = pads[0];
    int padW = pads[1];
    if (!Padding.symmetric(pads)) {
      input = g.add(n, g.names().derived(name, "pad"),
          new PadLayer(new int[] {0, pads[0], pads[1]}, new int[] {0, pads[2], pads[3]}), List.of(x));
      padH = 0;
      padW = 0;
    }
    Optional<ConstantValue> bias = bias(g, n, 2, (int) ws[0]);
    ConvLayer layer = new ConvLayer(name, in, (int) ws[0], (int) ws[2], (int) ws[3], strides[0], strides[1], padH, padW,
        dilations[0], dilations[1], groups, bias.isPresent());
    g.bind(n.output(), g.add(n, name, layer, List.of(input)));
    g.putWeight(layer.weightName(), ws, w.floats());
    bias.ifPresent(b -> g.putWeight(layer.biasName(), new long[] {ws[0]}, b.floats()));
  }

  /** Gemm {@code A * B' + C} with A the flat input (transA 0), B the weight (transB 0 or 1), alpha = beta = 1. */
  static void gemm(ImportGraph g, OnnxNode n) {
    if (n.integer("transA", 0) != 0 || n.real("alpha", 1f) != 1f || n.real("beta", 1f) != 1f) {
      throw n.refuse("has transA " + n.integer("transA", 0) + ", alpha " + n.real("alpha", 1f) + ", beta "
          + n.real("beta", 1f) + ": Prunus reads a Gemm as a linear layer, which needs transA 0 and alpha = beta = 1");
    }
    linear(g, n, n.integer("transB", 0) != 0, n.input(2).isPresent() ? Optional.of(n) : Optional.empty(), 2);
  }

  /**
   * MatMul of the flat input by a weight initializer {@code [in, out]}, as a linear layer; {@code add}, when
   * present, is the Add of a bias vector that follows it and becomes the layer's bias.
   */
  static void matMul(ImportGraph g, OnnxNode n, Optional<OnnxNode> add) {
    linear(g, n, false, add, add.map(a -> g.isConstant(a.requireInput(0)) ? 0 : 1).orElse(-1));
    add.ifPresent(a -> g.alias(a, a.output(), n.output()));
  }

  private static void linear(ImportGraph g, OnnxNode n, boolean transposed, Optional<OnnxNode> biasNode, int biasInput) {
    Flow x = g.flow(n, 0);
    if (x.shape().rank() != 1) {
      throw n.refuse("multiplies a " + x.shape() + " tensor per example: Prunus reads " + n.opType()
          + " as a linear layer of a flat [N, F] input; flatten it first");
    }
    ConstantValue w = g.weight(n, 1, "weight");
    long[] ws = w.shape();
    if (ws.length != 2) {
      throw n.refuse("has a weight of shape " + Arrays.toString(ws) + ": a linear layer's is 2-D");
    }
    int out = (int) (transposed ? ws[0] : ws[1]);
    int in = (int) (transposed ? ws[1] : ws[0]);
    if (in != x.shape().channels()) {
      throw n.refuse("has a weight of shape " + Arrays.toString(ws) + " for " + x.shape().channels() + " input features");
    }
    float[] values = transposed ? w.floats() : transpose(w.floats(), in, out);
    Optional<ConstantValue> bias = biasNode.isPresent() ? bias(g, biasNode.get(), biasInput, out) : Optional.empty();
    String name = g.names().forParameters(w.name());
    LinearLayer layer = new LinearLayer(name, in, out, bias.isPresent());
    g.bind(n.output(), g.add(n, name, layer, List.of(x)));
    g.putWeight(layer.weightName(), new long[] {out, in}, values);
    bias.ifPresent(b -> g.putWeight(layer.biasName(), new long[] {out}, b.floats()));
  }

  static void batchNorm(ImportGraph g, OnnxNode n) {
    Flow x = g.flow(n, 0);
    if (n.integer("training_mode", 0) != 0 || n.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
      throw n.refuse("computes batch statistics (training mode): export the model in eval mode, e.g. "
          + "torch.onnx.export(..., training=TrainingMode.PRESERVE) after model.eval()");
    }
    float epsilon = n.real("epsilon", 1e-5f);
    if (!(epsilon > 0)) {
      throw n.refuse("has epsilon " + epsilon + ": batch norm needs a positive epsilon");
    }
    ConstantValue scale = g.weight(n, 1, "scale");
    int channels = scale.size();
    ConstantValue[] rest = {g.weight(n, 2, "bias"), g.weight(n, 3, "mean"), g.weight(n, 4, "variance")};
    for (ConstantValue c : rest) {
      if (c.size() != channels) {
        throw n.refuse("has " + channels + " scales but " + c.size() + " values in '" + c.name() + "'");
      }
    }
    String name = g.names().forParameters(scale.name());
    BatchNormLayer layer = new BatchNormLayer(name, channels, epsilon);
    g.bind(n.output(), g.add(n, name, layer, List.of(x)));
    long[] shape = {channels};
    g.putWeight(layer.gammaName(), shape, scale.floats());
    g.putWeight(layer.betaName(), shape, rest[0].floats());
    g.putWeight(layer.runningMeanName(), shape, rest[1].floats());
    g.putWeight(layer.runningVarName(), shape, rest[2].floats());
  }

  private static Optional<ConstantValue> bias(ImportGraph g, OnnxNode n, int input, int units) {
    if (n.input(input).isEmpty()) {
      return Optional.empty();
    }
    ConstantValue b = g.weight(n, input, "bias");
    if (b.size() != units || Arrays.stream(b.shape()).filter(d -> d != 1).count() > 1) {
      throw n.refuse("has a bias of shape " + Arrays.toString(b.shape()) + " for " + units + " units: Prunus reads "
          + "one bias per unit");
    }
    return Optional.of(b);
  }

  /** Attribute {@code name} of two values (default 1, 1). */
  static int[] pair(OnnxNode n, String name) {
    long[] v = n.integers(name).orElse(new long[] {1, 1});
    if (v.length != 2 || v[0] <= 0 || v[1] <= 0) {
      throw n.refuse("has " + name + " " + Arrays.toString(v) + ": Prunus reads two positive values (rows, columns)");
    }
    return new int[] {(int) v[0], (int) v[1]};
  }

  private static float[] transpose(float[] v, int rows, int cols) {
    float[] t = new float[v.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = v[r * cols + c];
      }
    }
    return t;
  }
}
