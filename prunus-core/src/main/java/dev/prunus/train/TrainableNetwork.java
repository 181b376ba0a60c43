package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.prunus.kernel.Convolution;
import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.AvgPoolLayer;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ClipLayer;
import dev.prunus.model.ConcatLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.HardSigmoidLayer;
import dev.prunus.model.HardSwishLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.Model;
import dev.prunus.model.MulLayer;
import dev.prunus.model.Node;
import dev.prunus.model.PadLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ReshapeLayer;
import dev.prunus.model.SigmoidLayer;
import dev.prunus.model.SliceLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.TransposeLayer;
import dev.prunus.model.Weights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network whose parameters live in native memory (DJL NDArrays) so it can be run and trained. Mutable,
 * unlike {@link Model}: training changes it in place; {@link #toModel()} copies it back out as a value.
 *
 * <p>The forward pass interprets the architecture's graph node by node and calls libtorch's kernels
 * directly (no DJL Block), so the same code serves training, evaluation and activation probing. Masks are kept exact by
 * {@link #enforceMasks()}, which re-zeroes masked entries after every optimiser step: masking only the
 * gradients is not enough, since momentum and weight decay move masked weights too.
 *
 * <p>Every array made by {@link #forward} belongs to the manager of its input, so closing a per-batch
 * manager frees them all. Closing this network frees its parameters.
 */
public final class TrainableNetwork implements AutoCloseable {

  /** One trainable tensor with its name and, if pruned, its 0/1 mask. */
  public record Parameter(String name, NDArray value, NDArray mask) {}

  private final NDManager manager;
  private final Architecture architecture;
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();
  private final List<Parameter> trainable = new ArrayList<>();
  private final List<Parameter> masked = new ArrayList<>();
  private final Map<String, NDArray> gateMasks = new LinkedHashMap<>();
  private final Masks masks;

  private TrainableNetwork(Model model, NDManager parent) {
    this.manager = parent.newSubManager();
    this.architecture = model.architecture();
    this.masks = model.masks();
    Map<String, Boolean> isBuffer = new LinkedHashMap<>();
    for (BatchNormLayer b : architecture.batchNormLayers()) {
      isBuffer.put(b.runningMeanName(), true);
      isBuffer.put(b.runningVarName(), true);
    }
    for (Map.Entry<String, Tensor> e : model.weights().tensors().entrySet()) {
      Tensor t = e.getValue();
      NDArray a = manager.create(t.data(), new Shape(t.shape()));
      arrays.put(e.getKey(), a);
      if (!isBuffer.containsKey(e.getKey())) {
        a.setRequiresGradient(true);
        Mask m = masks.get(e.getKey());
        NDArray maskArray = m == null ? null : manager.create(m.asFloats(), new Shape(m.shape()));
        Parameter p = new Parameter(e.getKey(), a, maskArray);
        trainable.add(p);
        if (maskArray != null) {
          masked.add(p);
        }
      }
    }
    for (Node n : architecture.nodes()) {
      if (n.layer() instanceof ChannelGateLayer g && masks.get(g.maskName()) != null) {
        Mask m = masks.get(g.maskName());
        long[] shape = new long[architecture.shape(n.name()).rank() + 1];
        java.util.Arrays.fill(shape, 1);
        shape[1] = m.size();
        gateMasks.put(g.maskName(), manager.create(m.asFloats(), new Shape(shape)));
      }
    }
    enforceMasks();
  }

  /** Copies {@code model} into native memory under a sub-manager of {@code parent}. */
  public static TrainableNetwork of(Model model, NDManager parent) {
    return new TrainableNetwork(model, parent);
  }

  public Architecture architecture() {
    return architecture;
  }

  public NDManager manager() {
    return manager;
  }

  /** The parameters an optimiser updates (weights, biases, batch-norm scale and shift). */
  public List<Parameter> trainableParameters() {
    return Collections.unmodifiableList(trainable);
  }

  /**
   * Re-zeroes every masked entry; call after each optimiser step. Runs with gradient mode off, which
   * libtorch keeps per thread: an in-place update of a leaf that requires grad fails otherwise, on any
   * thread but the one that loaded the engine.
   */
  public void enforceMasks() {
    NoGradient.compute(() -> {
      for (Parameter p : masked) {
        p.value().muli(p.mask());
      }
      return null;
    });
  }

  /** Sees every node of a forward pass: its inputs and its output (NNrelief's activation statistics). */
  @FunctionalInterface
  public interface NodeObserver {
    void observe(Node node, List<NDArray> inputs, NDArray output);
  }

  /**
   * Runs the network. {@code x} has shape [N, C, H, W]; the result is the logits, [N, classes]. In
   * training mode batch norm uses batch statistics and updates its running statistics.
   */
  public NDArray forward(NDArray x, boolean training) {
    return forward(x, training, null);
  }

  /** {@link #forward(NDArray, boolean)}, showing every node to {@code observer} (null for none). */
  public NDArray forward(NDArray x, boolean training, NodeObserver observer) {
    Map<String, NDArray> tensors = new HashMap<>();
    tensors.put(Architecture.INPUT, x);
    for (Node n : architecture.nodes()) {
      List<NDArray> in = new ArrayList<>(n.inputs().size());
      for (String t : n.inputs()) {
        in.add(tensors.get(t));
      }
      NDArray out = apply(n.layer(), in, training);
      tensors.put(n.name(), out);
      if (observer != null) {
        observer.observe(n, in, out);
      }
    }
    return tensors.get(architecture.output());
  }

  private NDArray apply(Layer layer, List<NDArray> in, boolean training) {
    NDArray x = in.get(0);
    if (layer instanceof ConvLayer c) {
      return conv(c, x);
    } else if (layer instanceof LinearLayer l) {
      return Linear.linear(x, arrays.get(l.weightName()), l.bias() ? arrays.get(l.biasName()) : null)
          .singletonOrThrow();
    } else if (layer instanceof BatchNormLayer b) {
      return batchNorm(b, x, training);
    } else if (layer instanceof ReluLayer) {
      return Activation.relu(x);
    } else if (layer instanceof ClipLayer c) {
      return x.clip(c.min(), c.max());
    } else if (layer instanceof SigmoidLayer) {
      return Activation.sigmoid(x);
    } else if (layer instanceof HardSigmoidLayer h) {
      return x.mul(h.alpha()).add(h.beta()).clip(0, 1);
    } else if (layer instanceof HardSwishLayer) {
      return x.mul(x.div(6f).add(0.5f).clip(0, 1));
    } else if (layer instanceof MaxPoolLayer p) {
      return Pool.maxPool2d(x, new Shape(p.kernelH(), p.kernelW()), new Shape(p.strideH(), p.strideW()),
          new Shape(p.padH(), p.padW()), p.ceil());
    } else if (layer instanceof AvgPoolLayer p) {
      return avgPool(p, x);
    } else if (layer instanceof GlobalAvgPoolLayer) {
      Shape s = x.getShape();
      return Pool.globalAvgPool2d(x).reshape(s.get(0), s.get(1), 1, 1); // DJL's drops the 1x1 map
    } else if (layer instanceof FlattenLayer) {
      return x.reshape(x.getShape().get(0), -1);
    } else if (layer instanceof ReshapeLayer r) {
      long[] shape = new long[r.dims().length + 1];
      shape[0] = x.getShape().get(0);
      for (int i = 0; i < r.dims().length; i++) {
        shape[i + 1] = r.dims()[i];
      }
      return x.reshape(new Shape(shape));
    } else if (layer instanceof TransposeLayer t) {
      int[] axes = new int[t.perm().length + 1];
      for (int i = 0; i < t.perm().length; i++) {
        axes[i + 1] = t.perm()[i] + 1;
      }
      return x.transpose(axes);
    } else if (layer instanceof MulLayer) {
      return x.mul(in.get(1));
    } else if (layer instanceof ConcatLayer c) {
      return NDArrays.concat(new NDList(in), c.axis() + 1);
    } else if (layer instanceof PadLayer p) {
      return x.pad(torchPadding(p), 0);
    } else if (layer instanceof SliceLayer s) {
      return x.get(":, ".repeat(s.axis() + 1) + s.start() + ":" + s.end() + ":" + s.step());
    } else if (layer instanceof ChannelGateLayer g) {
      NDArray m = gateMasks.get(g.maskName());
      return m == null ? x : x.mul(m);
    } else if (layer instanceof AddLayer) {
      return x.add(in.get(1));
    }
    throw new IllegalStateException("no forward rule for " + layer);
  }

  /**
   * Average pooling. DJL 0.35 ignores {@code count_include_pad} (it always divides by the window, padding
   * included), so without padding counted the pooled map is divided by the pooled map of ones: the share
   * of each window inside the input.
   */
  private static NDArray avgPool(AvgPoolLayer p, NDArray x) {
    Shape kernel = new Shape(p.kernelH(), p.kernelW());
    Shape stride = new Shape(p.strideH(), p.strideW());
    Shape padding = new Shape(p.padH(), p.padW());
    NDArray y = Pool.avgPool2d(x, kernel, stride, padding, p.ceil(), true);
    if (p.countPadding() || p.padH() == 0 && p.padW() == 0 && !p.ceil()) {
      return y;
    }
    Shape s = x.getShape();
    NDArray ones = x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)));
    return y.div(Pool.avgPool2d(ones, kernel, stride, padding, p.ceil(), true));
  }

  /** torch's pad list: (before, after) pairs from the last axis backwards, down to the first padded axis. */
  private static Shape torchPadding(PadLayer p) {
    int[] before = p.before();
    int[] after = p.after();
    int first = 0;
    while (first < before.length - 1 && before[first] == 0 && after[first] == 0) {
      first++;
    }
    long[] pads = new long[2 * (before.length - first)];
    for (int axis = before.length - 1, i = 0; axis >= first; axis--, i += 2) {
      pads[i] = before[axis];
      pads[i + 1] = after[axis];
    }
    return new Shape(pads);
  }

  private NDArray conv(ConvLayer c, NDArray x) {
    return Convolution.conv2d(x, arrays.get(c.weightName()), c.bias() ? arrays.get(c.biasName()) : null,
        c.strideH(), c.strideW(), c.padH(), c.padW(), c.dilationH(), c.dilationW(), c.groups());
  }

  private NDArray batchNorm(BatchNormLayer b, NDArray x, boolean training) {
    // DJL's momentum is the weight of the old running value: PyTorch's 0.1 is DJL's 0.9
    return BatchNorm.batchNorm(
            x,
            arrays.get(b.runningMeanName()),
            arrays.get(b.runningVarName()),
            arrays.get(b.gammaName()),
            arrays.get(b.betaName()),
            1,
            1f - BatchNormLayer.MOMENTUM,
            b.epsilon(),
            training)
        .singletonOrThrow();
  }

  /** Copies every parameter back to the heap as a {@link Model} value (with this network's masks). */
  public Model toModel() {
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      NDArray a = e.getValue();
      t.put(e.getKey(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return new Model(architecture, new Weights(t), masks);
  }

  /** Overwrites every parameter with the values of {@code weights} (same architecture). */
  public void load(Weights weights) {
    weights.requireShapes(architecture);
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      e.getValue().set(weights.get(e.getKey()).data());
    }
    enforceMasks();
  }

  @Override
  public void close() {
    manager.close();
  }
}
