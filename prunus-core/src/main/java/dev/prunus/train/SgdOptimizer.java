package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.prunus.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable SGD state with PyTorch's semantics ({@code torch.optim.SGD}, dampening 0): per parameter
 * {@code g += wd*w; b = m*b + g; d = nesterov ? g + m*b : b; w -= lr*d}, the buffer starting at 0 so
 * that the first step gives {@code b = g} as in PyTorch.
 *
 * <p>Without Nesterov momentum each parameter is updated by one fused libtorch call that keeps the
 * learning rate inside the buffer ({@code s = m*s + lr*(g + wd*w); w -= s}, so {@code s = lr*b}). That
 * is PyTorch's update exactly while the rate is constant; when the schedule changes the rate, the
 * buffer is rescaled by {@code lr_new / lr_old} first, which keeps {@code s = lr*b}. It replaces about six
 * native calls per parameter by one (the optimiser step was a third of the gap to PyTorch on LeNet-5).
 */
final class SgdOptimizer implements Optimizer {
  private final OptimizerConfig.Sgd config;
  private final List<TrainableNetwork.Parameter> parameters;
  private final NDArray[] buffers;
  private double lastLr = Double.NaN;

  SgdOptimizer(OptimizerConfig.Sgd config, List<TrainableNetwork.Parameter> parameters) {
    this.config = config;
    this.parameters = List.copyOf(parameters);
    this.buffers = new NDArray[this.parameters.size()];
    if (config.momentum() > 0) {
      for (int i = 0; i < buffers.length; i++) {
        buffers[i] = this.parameters.get(i).value().zerosLike();
      }
    }
  }

  @Override
  public void step(double lr) {
    if (!config.nesterov()) {
      fusedStep(lr);
      return;
    }
    float m = (float) config.momentum();
    float wd = (float) config.weightDecay();
    for (int i = 0; i < buffers.length; i++) {
      NDArray w = parameters.get(i).value();
      try (NDArray g = Gradients.of(w)) {
        if (wd != 0f) {
          try (NDArray decay = w.mul(wd)) {
            g.addi(decay);
          }
        }
        NDArray direction = g;
        if (m > 0f) {
          NDArray b = buffers[i];
          b.muli(m).addi(g);
          if (config.nesterov()) {
            try (NDArray look = b.mul(m)) {
              g.addi(look);
            }
          } else {
            direction = b;
          }
        }
        try (NDArray delta = direction.mul((float) lr)) {
          w.subi(delta);
        }
      }
      Gradients.zero(w);
    }
  }

  private void fusedStep(double lr) {
    if (config.momentum() > 0 && !Double.isNaN(lastLr) && lr != lastLr) {
      for (NDArray b : buffers) {
        b.muli((float) (lr / lastLr));
      }
    }
    lastLr = lr;
    for (int i = 0; i < buffers.length; i++) {
      NDArray w = parameters.get(i).value();
      try (NDArray g = Gradients.of(w)) {
        NDArray state = buffers[i] == null ? w : buffers[i]; // read only when momentum > 0
        JniUtils.sgdUpdate((PtNDArray) w, (PtNDArray) g, (PtNDArray) state, (float) lr,
            (float) config.weightDecay(), 1f, -1f, (float) config.momentum());
      }
      Gradients.zero(w);
    }
  }

  @Override
  public Map<String, Tensor> state() {
    Map<String, Tensor> s = new LinkedHashMap<>();
    s.put("lr", new Tensor(new long[] {1}, new float[] {(float) lastLr}));
    for (int i = 0; i < buffers.length; i++) {
      if (buffers[i] != null) {
        s.put("momentum/" + parameters.get(i).name(), OptimizerState.toTensor(buffers[i]));
      }
    }
    return s;
  }

  @Override
  public void loadState(Map<String, Tensor> state) {
    if (state.containsKey("lr")) {
      lastLr = state.get("lr").data()[0];
    }
    for (int i = 0; i < buffers.length; i++) {
      if (buffers[i] != null) {
        OptimizerState.restore(buffers[i], state, "momentum/" + parameters.get(i).name());
      }
    }
  }

  @Override
  public void close() {
    for (NDArray b : buffers) {
      if (b != null) {
        b.close();
      }
    }
  }
}
