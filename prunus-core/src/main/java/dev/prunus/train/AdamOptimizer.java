package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import dev.prunus.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable Adam state with PyTorch's semantics ({@code torch.optim.Adam}, L2 weight decay added to the
 * gradient): {@code m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2;
 * w -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
 */
final class AdamOptimizer implements Optimizer {
  private final OptimizerConfig.Adam config;
  private final List<TrainableNetwork.Parameter> parameters;
  private final NDArray[] first;
  private final NDArray[] second;
  private long t;

  AdamOptimizer(OptimizerConfig.Adam config, List<TrainableNetwork.Parameter> parameters) {
    this.config = config;
    this.parameters = List.copyOf(parameters);
    this.first = new NDArray[this.parameters.size()];
    this.second = new NDArray[this.parameters.size()];
    for (int i = 0; i < first.length; i++) {
      first[i] = this.parameters.get(i).value().zerosLike();
      second[i] = this.parameters.get(i).value().zerosLike();
    }
  }

  @Override
  public void step(double lr) {
    t++;
    float b1 = (float) config.beta1();
    float b2 = (float) config.beta2();
    float wd = (float) config.weightDecay();
    double c1 = 1 - Math.pow(config.beta1(), t);
    double c2 = 1 - Math.pow(config.beta2(), t);
    float stepSize = (float) (lr / c1);
    float sqrtC2 = (float) Math.sqrt(c2);
    for (int i = 0; i < first.length; i++) {
      NDArray w = parameters.get(i).value();
      try (NDArray g = Gradients.of(w)) {
        if (wd != 0f) {
          try (NDArray decay = w.mul(wd)) {
            g.addi(decay);
          }
        }
        try (NDArray a = g.mul(1 - b1); NDArray sq = g.mul(g).muli(1 - b2)) {
          first[i].muli(b1).addi(a);
          second[i].muli(b2).addi(sq);
        }
        try (NDArray denom = second[i].sqrt().divi(sqrtC2).addi((float) config.epsilon());
            NDArray delta = first[i].mul(stepSize).divi(denom)) {
          w.subi(delta);
        }
      }
      Gradients.zero(w);
    }
  }

  @Override
  public Map<String, Tensor> state() {
    Map<String, Tensor> s = new LinkedHashMap<>();
    s.put("step", new Tensor(new long[] {1}, new float[] {t}));
    for (int i = 0; i < first.length; i++) {
      String n = parameters.get(i).name();
      s.put("m/" + n, OptimizerState.toTensor(first[i]));
      s.put("v/" + n, OptimizerState.toTensor(second[i]));
    }
    return s;
  }

  @Override
  public void loadState(Map<String, Tensor> state) {
    t = (long) state.get("step").data()[0];
    for (int i = 0; i < first.length; i++) {
      String n = parameters.get(i).name();
      OptimizerState.restore(first[i], state, "m/" + n);
      OptimizerState.restore(second[i], state, "v/" + n);
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < first.length; i++) {
      first[i].close();
      second[i].close();
    }
  }
}
