package dev.prunus.cli;

import dev.prunus.model.Initialization;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import picocli.CommandLine.Option;

/** Training hyper-parameters, shared by every command that trains. */
final class TrainingOptions {
  enum OptimizerKind { sgd, adam }

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--optimizer", paramLabel = "O", defaultValue = "sgd",
      description = "sgd or adam (default: ${DEFAULT-VALUE}).")
  OptimizerKind optimizer;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: 0.01 for sgd, 0.001 for adam).")
  Double lr;

  @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--nesterov", description = "Use Nesterov momentum (SGD).")
  boolean nesterov;

  @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--lr-schedule", paramLabel = "S", defaultValue = "constant",
      description = "constant, cosine, or multi-step:E1,E2[:GAMMA] (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the initial weights, the validation split, the data order and augmentation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--init", paramLabel = "I", defaultValue = "kaiming-normal",
      description = "Initial weights of a model trained from scratch: kaiming-normal, kaiming-uniform, "
          + "xavier-uniform or torch-default (PyTorch's nn.Linear/nn.Conv2d default: weights and biases "
          + "U(-1/sqrt(fan_in), 1/sqrt(fan_in))) (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--augment", negatable = true,
      description = "Random crop and flip (default: on for CIFAR datasets, off otherwise).")
  Boolean augment;

  Initialization initialization() {
    return Initialization.fromName(init);
  }

  TrainingConfig toConfig(boolean augmentByDefault) {
    OptimizerConfig o = switch (optimizer) {
      case sgd -> new OptimizerConfig.Sgd(lr == null ? 0.01 : lr, momentum, nesterov, weightDecay);
      case adam -> new OptimizerConfig.Adam(lr == null ? 0.001 : lr, 0.9, 0.999, 1e-8, weightDecay);
    };
    return new TrainingConfig(epochs, batchSize, o, LearningRateSchedule.parse(schedule), seed,
        augment == null ? augmentByDefault : augment);
  }
}
