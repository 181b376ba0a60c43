package dev.prunus.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.prunus.InvalidInputException;
import java.util.List;

/** The learning rate for each epoch (counted from 0), given the base rate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
  @JsonSubTypes.Type(value = LearningRateSchedule.MultiStep.class, name = "multi-step"),
  @JsonSubTypes.Type(value = LearningRateSchedule.Cosine.class, name = "cosine")
})
public sealed interface LearningRateSchedule {
  double rate(double base, int epoch, int totalEpochs);

  /** The base rate throughout. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double rate(double base, int epoch, int totalEpochs) {
      return base;
    }
  }

  /** The base rate times {@code gamma} once for every milestone epoch reached. */
  record MultiStep(List<Integer> milestones, double gamma) implements LearningRateSchedule {
    public MultiStep {
      milestones = List.copyOf(milestones);
      if (!(gamma > 0 && gamma <= 1)) {
        throw new InvalidInputException("lr-gamma=" + gamma + " must be in (0, 1], e.g. 0.1");
      }
      for (int m : milestones) {
        if (m <= 0) {
          throw new InvalidInputException("lr milestone " + m + " must be a positive epoch number");
        }
      }
    }

    @Override
    public double rate(double base, int epoch, int totalEpochs) {
      double r = base;
      for (int m : milestones) {
        if (epoch >= m) {
          r *= gamma;
        }
      }
      return r;
    }
  }

  /** Cosine annealing from the base rate to 0 over the run (Loshchilov &amp; Hutter 2017), per epoch. */
  record Cosine() implements LearningRateSchedule {
    @Override
    public double rate(double base, int epoch, int totalEpochs) {
      return 0.5 * base * (1 + Math.cos(Math.PI * epoch / Math.max(1, totalEpochs)));
    }
  }

  /** Parses "constant", "cosine" or "multi-step:30,60[:0.1]". */
  static LearningRateSchedule parse(String text) {
    String t = text.trim();
    if (t.equals("constant")) {
      return new Constant();
    }
    if (t.equals("cosine")) {
      return new Cosine();
    }
    if (t.startsWith("multi-step:")) {
      String[] p = t.substring("multi-step:".length()).split(":");
      try {
        List<Integer> ms = java.util.Arrays.stream(p[0].split(",")).map(String::trim).map(Integer::valueOf).toList();
        double gamma = p.length > 1 ? Double.parseDouble(p[1]) : 0.1;
        return new MultiStep(ms, gamma);
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new InvalidInputException("lr schedule '" + text
        + "' is not one of: constant, cosine, multi-step:E1,E2[:GAMMA] (e.g. multi-step:30,60:0.1)");
  }
}
