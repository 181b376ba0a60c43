package dev.prunus.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.prunus.InvalidInputException;

/** Which optimiser to train with, and its hyper-parameters (PyTorch's semantics and defaults). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OptimizerConfig.Sgd.class, name = "sgd"),
  @JsonSubTypes.Type(value = OptimizerConfig.Adam.class, name = "adam")
})
public sealed interface OptimizerConfig {
  double learningRate();

  double weightDecay();

  /** A new optimiser of this kind over {@code parameters}. */
  Optimizer create(java.util.List<TrainableNetwork.Parameter> parameters);

  /**
   * Stochastic gradient descent, {@code torch.optim.SGD}: {@code g += wd*w; b = m*b + g;
   * step = nesterov ? g + m*b : b; w -= lr*step}.
   */
  record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay)
      implements OptimizerConfig {
    public Sgd {
      check("learningRate|lr", learningRate, learningRate > 0, "must be above 0: e.g. 0.01");
      check("momentum", momentum, momentum >= 0 && momentum < 1, "must be in [0, 1): e.g. 0.9");
      check("weightDecay", weightDecay, weightDecay >= 0, "must be 0 or more: e.g. 5e-4");
      if (nesterov && momentum == 0) {
        throw new InvalidInputException("{{nesterov=true}} needs a momentum above 0: e.g. {{momentum=0.9}}");
      }
    }

    @Override
    public Optimizer create(java.util.List<TrainableNetwork.Parameter> parameters) {
      return new SgdOptimizer(this, parameters);
    }
  }

  /** Adam (Kingma &amp; Ba 2015) with bias correction and L2 weight decay, {@code torch.optim.Adam}. */
  record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
      implements OptimizerConfig {
    public Adam {
      check("learningRate|lr", learningRate, learningRate > 0, "must be above 0: e.g. 0.001");
      check("beta1", beta1, beta1 >= 0 && beta1 < 1, "must be in [0, 1): e.g. 0.9");
      check("beta2", beta2, beta2 >= 0 && beta2 < 1, "must be in [0, 1): e.g. 0.999");
      check("epsilon", epsilon, epsilon > 0, "must be above 0: e.g. 1e-8");
      check("weightDecay", weightDecay, weightDecay >= 0, "must be 0 or more: e.g. 5e-4");
    }

    @Override
    public Optimizer create(java.util.List<TrainableNetwork.Parameter> parameters) {
      return new AdamOptimizer(this, parameters);
    }
  }

  /** Refuses {@code value} unless {@code ok}; {@code name} is a {@link dev.prunus.ParameterStyle} token name. */
  private static void check(String name, double value, boolean ok, String rule) {
    if (!ok || Double.isNaN(value)) {
      throw new InvalidInputException("{{" + name + "=" + value + "}} is out of range: it " + rule);
    }
  }
}
