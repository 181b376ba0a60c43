package dev.prunus.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a model: mini-batch SGD or Adam on softmax cross-entropy, masks kept exact after every step,
 * the validation set evaluated after every epoch, and a {@link Checkpoint} handed to a sink after every
 * epoch. The trainer is separate from the model it makes: {@link #train} returns a new {@link Model} and
 * never changes its input.
 *
 * <p>Deterministic: weights come from the model, the data order of each epoch from the seed and the
 * epoch number, augmentation from a generator seeded the same way; libtorch's CPU kernels then give the
 * same result for the same thread count.
 */
public final class Trainer {
  private final TrainingConfig config;
  private final TrainingListener listener;

  /** The configuration this trainer trains with. */
  public TrainingConfig config() {
    return config;
  }

  public Trainer(TrainingConfig config, TrainingListener listener) {
    this.config = config;
    this.listener = listener;
  }

  /** The trained model, its per-epoch history and where the time went. */
  public record Result(Model model, List<EpochRecord> history, PhaseTimes times) {}

  /** Trains from scratch (well, from {@code initial}). */
  public Result train(Model initial, ImageSet train, ImageSet validation, Consumer<Checkpoint> checkpoints) {
    return resume(new Checkpoint(0, initial, java.util.Map.of(), List.of()), train, validation, checkpoints);
  }

  /** Continues from {@code start} up to the configured number of epochs. */
  public Result resume(Checkpoint start, ImageSet train, ImageSet validation, Consumer<Checkpoint> checkpoints) {
    Engine engine = Engine.getEngine("PyTorch");
    List<EpochRecord> history = new ArrayList<>(start.history());
    PhaseTimes times = PhaseTimes.ZERO;
    try (NDManager root = NDManager.newBaseManager();
        TrainableNetwork net = TrainableNetwork.of(start.model(), root);
        Optimizer optimizer = config.optimizer().create(net.trainableParameters())) {
      if (!start.optimizerState().isEmpty()) {
        optimizer.loadState(start.optimizerState());
      }
      Batches batches = new Batches(train, config.batchSize());
      for (int epoch = start.epochsDone(); epoch < config.epochs(); epoch++) {
        long t0 = System.nanoTime();
        double lr = config.schedule().rate(config.optimizer().learningRate(), epoch, config.epochs());
        EpochStats stats = runEpoch(engine, net, optimizer, batches, train.size(), epoch, lr);
        times = times.plus(stats.times);
        Evaluation val = Evaluator.evaluate(net, validation);
        EpochRecord rec = new EpochRecord(epoch + 1, lr, stats.meanLoss(), stats.accuracy(),
            val.loss(), val.accuracy(), (System.nanoTime() - t0) / 1e9);
        history.add(rec);
        listener.epochTimed(epoch + 1, stats.times);
        listener.epochFinished(rec);
        if (checkpoints != null) {
          checkpoints.accept(new Checkpoint(epoch + 1, net.toModel(), optimizer.state(), history));
        }
      }
      return new Result(net.toModel(), history, times);
    }
  }

  private record EpochStats(double lossSum, long correct, long seen, PhaseTimes times) {
    double meanLoss() {
      return seen == 0 ? Double.NaN : lossSum / seen;
    }

    double accuracy() {
      return seen == 0 ? Double.NaN : (double) correct / seen;
    }
  }

  private EpochStats runEpoch(
      Engine engine, TrainableNetwork net, Optimizer optimizer, Batches batches, int size, int epoch, double lr) {
    int[] order = Batches.order(size, config.seed(), epoch);
    SplittableRandom augment = config.augment() ? new SplittableRandom(config.seed() * 31 + epoch) : null;
    int steps = batches.count();
    listener.epochStarted(epoch + 1, config.epochs(), steps);
    long tData = 0, tForward = 0, tBackward = 0, tOptimizer = 0, tMasks = 0;
    double lossSum = 0;
    long correct = 0, seen = 0;
    long start = System.nanoTime();
    for (int b = 0; b < steps; b++) {
      try (NDManager step = net.manager().newSubManager()) {
        long t0 = System.nanoTime();
        NDArray[] xy = batches.batch(step, order, b, augment);
        long n = xy[1].size();
        long t1 = System.nanoTime();
        float loss;
        long t2;
        try (GradientCollector collector = engine.newGradientCollector()) {
          NDArray logits = net.forward(xy[0], true);
          NDArray lossArray = CrossEntropy.loss(logits, xy[1]);
          loss = lossArray.getFloat();
          correct += CrossEntropy.correct(logits, xy[1]);
          t2 = System.nanoTime();
          if (!Float.isFinite(loss)) {
            throw new NonFiniteLossException(epoch + 1, b + 1, loss);
          }
          collector.backward(lossArray);
        }
        long t3 = System.nanoTime();
        NoGradient.compute(() -> {
          optimizer.step(lr); // in-place updates of leaves: gradient mode off on whatever thread trains
          return null;
        });
        long t4 = System.nanoTime();
        net.enforceMasks();
        long t5 = System.nanoTime();
        tData += t1 - t0;
        tForward += t2 - t1;
        tBackward += t3 - t2;
        tOptimizer += t4 - t3;
        tMasks += t5 - t4;
        lossSum += (double) loss * n;
        seen += n;
      }
      listener.stepFinished(b + 1, lossSum / seen, (double) correct / seen,
          seen / ((System.nanoTime() - start) / 1e9));
    }
    return new EpochStats(lossSum, correct, seen,
        new PhaseTimes(steps, seen, tData, tForward, tBackward, tOptimizer, tMasks));
  }
}
