package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.prunus.kernel.Convolution;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.Model;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.ZeroPadLayer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network whose parameters live in native memory (DJL NDArrays) so it can be run and trained. Mutable,
 * unlike {@link Model}: training changes it in place; {@link #toModel()} copies it back out as a value.
 *
 * <p>The forward pass walks the architecture's layer specs and calls libtorch's kernels directly (no DJL
 * Block), so the same code serves training, evaluation and activation probing. Masks are kept exact by
 * {@link #enforceMasks()}, which re-zeroes masked entries after every optimiser step: masking only the
 * gradients is not enough, since momentum and weight decay move masked weights too.
 *
 * <p>Every array made by {@link #forward} belongs to the manager of its input, so closing a per-batch
 * manager frees them all. Closing this network frees its parameters.
 */
public final class TrainableNetwork implements AutoCloseable {
  private static final Shape ZERO = new Shape(0, 0);

  /** One trainable tensor with its name and, if pruned, its 0/1 mask. */
  public record Parameter(String name, NDArray value, NDArray mask) {}

  private final NDManager manager;
  private final Architecture architecture;
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();
  private final List<Parameter> trainable = new ArrayList<>();
  private final List<Parameter> masked = new ArrayList<>();
  private final Map<String, NDArray> shortcutMasks = new LinkedHashMap<>();
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
    for (String name : architecture.shortcutMaskShapes().keySet()) {
      Mask m = masks.get(name);
      if (m != null) {
        shortcutMasks.put(name, manager.create(m.asFloats(), new Shape(1, m.size(), 1, 1)));
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

  /**
   * Runs the network. {@code x} has shape [N, C, H, W]; the result is the logits, [N, classes]. In
   * training mode batch norm uses batch statistics and updates its running statistics.
   */
  public NDArray forward(NDArray x, boolean training) {
    return run(architecture.layers(), x, training);
  }

  private NDArray run(List<Layer> layers, NDArray x, boolean training) {
    NDArray h = x;
    for (Layer l : layers) {
      h = apply(l, h, training);
    }
    return h;
  }

  /**
   * Runs one layer (a residual block as a whole) on {@code x}: the building block of {@link #forward},
   * public so that methods can probe the activations between layers (DJL has no forward hooks).
   */
  public NDArray layer(Layer layer, NDArray x, boolean training) {
    return apply(layer, x, training);
  }

  /** The shortcut output of block {@code r} on its input {@code x}, times the block's shortcut mask if any. */
  public NDArray shortcut(ResidualBlock r, NDArray x, boolean training) {
    NDArray s = shortcut(r.shortcut(), x, training);
    NDArray m = shortcutMasks.get(r.shortcutMaskName());
    return m == null ? s : s.mul(m);
  }

  private NDArray apply(Layer layer, NDArray x, boolean training) {
    if (layer instanceof ConvLayer c) {
      return conv(c, x);
    } else if (layer instanceof LinearLayer l) {
      return Linear.linear(x, arrays.get(l.weightName()), l.bias() ? arrays.get(l.biasName()) : null)
          .singletonOrThrow();
    } else if (layer instanceof BatchNormLayer b) {
      return batchNorm(b, x, training);
    } else if (layer instanceof ReluLayer) {
      return Activation.relu(x);
    } else if (layer instanceof MaxPoolLayer p) {
      return Pool.maxPool2d(x, new Shape(p.kernel(), p.kernel()), new Shape(p.stride(), p.stride()), ZERO, false);
    } else if (layer instanceof GlobalAvgPoolLayer) {
      return Pool.globalAvgPool2d(x);
    } else if (layer instanceof FlattenLayer) {
      return x.reshape(x.getShape().get(0), -1);
    } else if (layer instanceof ZeroPadLayer z) {
      int p = z.padding();
      return x.pad(new Shape(p, p, p, p), 0);
    } else if (layer instanceof ResidualBlock r) {
      NDArray branch = run(r.branch(), x, training);
      return branch.addi(shortcut(r, x, training));
    }
    throw new IllegalStateException("no forward rule for " + layer);
  }

  private NDArray shortcut(Shortcut s, NDArray x, boolean training) {
    if (s instanceof Shortcut.Identity) {
      return x;
    } else if (s instanceof Shortcut.ZeroPad z) {
      NDArray sub = z.stride() == 1 ? x : x.get(":, :, ::" + z.stride() + ", ::" + z.stride());
      return sub.pad(new Shape(0, 0, 0, 0, z.padBefore(), z.padAfter()), 0);
    } else if (s instanceof Shortcut.Projection p) {
      return batchNorm(p.batchNorm(), conv(p.conv(), x), training);
    }
    throw new IllegalStateException("no forward rule for " + s);
  }

  private NDArray conv(ConvLayer c, NDArray x) {
    return Convolution.conv2d(x, arrays.get(c.weightName()), c.bias() ? arrays.get(c.biasName()) : null,
        c.stride(), c.stride(), c.padding(), c.padding(), 1, 1, 1);
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
            BatchNormLayer.EPSILON,
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
