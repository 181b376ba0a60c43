package dev.prunus.prune.method.relief;

import dev.prunus.CliName;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The authors' pruning hyper-parameters (from the README and code of github.com/adekhovich/NNrelief,
 * commit 13a3f84): alphas, iterations, the pruning-set size, and each iteration's
 * retraining (optimiser, epochs, learning-rate milestones with factor 0.1, batch 120, weight decay
 * 5e-4), with rewinding to the initial weights for the LeNets and fine-tuning for VGG and ResNet. Every
 * preset also keeps the best retraining epoch by validation accuracy (the authors chose it on the test
 * set; Prunus never does). {@link #schedule(int)} scales the milestones to a shorter retraining, so a
 * preset can run in minutes with its shape kept.
 */
public enum ReliefPreset implements CliName {
  /** LeNet-300-100 on MNIST: alpha-fc 0.95, 20 iterations (the README; the code defaults to 5). */
  LENET_300_100("lenet-300-100", 0.95, 0.95, 20, 1000, 60, List.of(30), adam(), true),
  /** LeNet-5 (Caffe 20-50-500) on MNIST: alpha-conv 0.9, alpha-fc 0.95. */
  LENET5("lenet5", 0.9, 0.95, 20, 1000, 60, List.of(30), adam(), true),
  /** VGG-like on CIFAR-10 with Adam: 6 iterations. */
  VGG_LIKE("vgg-like", 0.95, 0.95, 6, 1000, 60, List.of(20, 40), adam(), false),
  /** ResNet-20 on CIFAR-10 with SGD 0.1: 10 iterations. */
  RESNET20("resnet20", 0.95, 0.99, 10, 1000, 60, List.of(20, 40), new OptimizerConfig.Sgd(0.1, 0.9, false, 5e-4), false),
  /** ResNet-56 on CIFAR-100 with Adam: 10 iterations, pruning set 2000, 80 epochs. */
  RESNET56_CIFAR100("resnet56-cifar100", 0.95, 0.99, 10, 2000, 80, List.of(30, 60), adam(), false);

  /** The authors' batch size in every setting. */
  public static final int BATCH_SIZE = 120;

  private final String cliName;
  private final double alphaConv;
  private final double alphaFc;
  private final int iterations;
  private final int pruneSetSize;
  private final int retrainEpochs;
  private final List<Integer> milestones;
  private final OptimizerConfig optimizer;
  private final boolean rewind;

  ReliefPreset(String cliName, double alphaConv, double alphaFc, int iterations, int pruneSetSize, int retrainEpochs,
      List<Integer> milestones, OptimizerConfig optimizer, boolean rewind) {
    this.cliName = cliName;
    this.alphaConv = alphaConv;
    this.alphaFc = alphaFc;
    this.iterations = iterations;
    this.pruneSetSize = pruneSetSize;
    this.retrainEpochs = retrainEpochs;
    this.milestones = milestones;
    this.optimizer = optimizer;
    this.rewind = rewind;
  }

  private static OptimizerConfig adam() {
    return new OptimizerConfig.Adam(1e-3, 0.9, 0.999, 1e-8, 5e-4);
  }

  public String cliName() {
    return cliName;
  }

  public static ReliefPreset fromName(String name) {
    return CliName.lookUp(ReliefPreset.class, name, "preset", "presets");
  }

  /** The method options of {@link Relief}: alphas and pruning-set size. */
  public Map<String, String> methodOptions() {
    return Map.of("alpha-conv", Double.toString(alphaConv), "alpha-fc", Double.toString(alphaFc),
        "prune-set-size", Integer.toString(pruneSetSize));
  }

  public int iterations() {
    return iterations;
  }

  public int retrainEpochs() {
    return retrainEpochs;
  }

  public OptimizerConfig optimizer() {
    return optimizer;
  }

  /** True for the LeNets: rewind the surviving weights to their initial values after each prune. */
  public boolean rewind() {
    return rewind;
  }

  /**
   * The learning-rate schedule for {@code epochs} of retraining: the authors' milestones scaled by
   * {@code epochs / retrainEpochs()} (rounded, those that fall outside {@code [1, epochs)} dropped), times 0.1.
   */
  public LearningRateSchedule schedule(int epochs) {
    List<Integer> scaled = new ArrayList<>();
    for (int m : milestones) {
      int s = (int) Math.round((double) m * epochs / retrainEpochs);
      if (s >= 1 && s < epochs && !scaled.contains(s)) {
        scaled.add(s);
      }
    }
    return scaled.isEmpty() ? new LearningRateSchedule.Constant() : new LearningRateSchedule.MultiStep(scaled, 0.1);
  }
}
