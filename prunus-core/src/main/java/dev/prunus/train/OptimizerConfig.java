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
      check("lr", learningRate, learningRate > 0);
      check("momentum", momentum, momentum >= 0 && momentum < 1);
      check("weight-decay", weightDecay, weightDecay >= 0);
      if (nesterov && momentum == 0) {
        throw new InvalidInputException("nesterov needs a momentum above 0: pass --momentum 0.9");
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
      check("lr", learningRate, learningRate > 0);
      check("beta1", beta1, beta1 >= 0 && beta1 < 1);
      check("beta2", beta2, beta2 >= 0 && beta2 < 1);
      check("epsilon", epsilon, epsilon > 0);
      check("weight-decay", weightDecay, weightDecay >= 0);
    }

    @Override
    public Optimizer create(java.util.List<TrainableNetwork.Parameter> parameters) {
      return new AdamOptimizer(this, parameters);
    }
  }

  private static void check(String name, double value, boolean ok) {
    if (!ok || Double.isNaN(value)) {
      throw new InvalidInputException(name + "=" + value + " is out of range: see `prunus train --help`");
    }
  }
}
