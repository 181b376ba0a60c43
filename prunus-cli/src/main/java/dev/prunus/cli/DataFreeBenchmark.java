package dev.prunus.cli;

import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Initialization;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Model;
import dev.prunus.model.ReluLayer;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.method.datafree.DataFree;
import dev.prunus.prune.method.datafree.HiddenFcLayer;
import dev.prunus.prune.method.datafree.NeuronMerge;
import dev.prunus.prune.method.datafree.SquaredDistances;
import java.util.List;
import java.util.Map;

/**
 * Times data-free merging on a fully connected layer of random (Kaiming) weights, phase by phase: the
 * pairwise distances (one Gram product), the greedy merge sequence, the whole plan, carrying out the
 * merges (masking with surgery) and compaction. The target: AlexNet's FC6 (4096 neurons of 9216 inputs,
 * read by FC7's 4096 outputs) halved in seconds, not minutes. The greedy phase alone makes the
 * requested merges; the plan also continues the sequence down to one neuron, to record the whole saliency
 * curve. What {@code prunus bench data-free} runs.
 */
final class DataFreeBenchmark {
  private DataFreeBenchmark() {}

  /** Seconds per phase, and the compacted layer's shape. */
  record Timing(
      int neurons, int inputs, int outputs, int removed, double setupSeconds, double distancesSeconds,
      double greedySeconds, double planSeconds, double applySeconds, double compactSeconds, long[] compactShape) {}

  /** A network {@code inputs -> neurons (hidden) -> outputs} of seeded random weights. */
  static Model network(int inputs, int neurons, int outputs, long seed) {
    Architecture arch = Architecture.sequential("fc-bench", new FeatureShape(inputs, 1, 1), outputs, 1, List.of(
        new FlattenLayer(), new LinearLayer("fc6", inputs, neurons, true), new ReluLayer(),
        new LinearLayer("fc7", neurons, outputs, true)));
    return new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, seed));
  }

  /** Removes {@code removed} of the {@code neurons} hidden neurons, timing each phase. */
  static Timing run(int inputs, int neurons, int outputs, int removed, long seed) {
    long t0 = System.nanoTime();
    Model model = network(inputs, neurons, outputs, seed);
    HiddenFcLayer layer = HiddenFcLayer.of(model, DataFree.ID).get(0);
    float[] rows = layer.incomingRows(model);
    float[] outgoing = layer.outgoing(model);
    long t1 = System.nanoTime();
    float[] distances = SquaredDistances.of(rows, neurons, inputs + 1);
    long t2 = System.nanoTime();
    NeuronMerge.greedy(distances, outgoing, outputs, layer.alive(), removed);
    long t3 = System.nanoTime();
    PruningPlan plan = MethodRegistry.standard().create(DataFree.ID, Map.of("remove", "fc6=" + removed))
        .plan(model, PruningContext.withoutData(PruningTarget.ofDensity(1), seed));
    long t4 = System.nanoTime();
    Model merged = MaskApplier.apply(model, plan);
    long t5 = System.nanoTime();
    Model compact = Compactor.compact(merged);
    long t6 = System.nanoTime();
    return new Timing(neurons, inputs, outputs, removed, s(t1 - t0), s(t2 - t1), s(t3 - t2), s(t4 - t3), s(t5 - t4),
        s(t6 - t5), compact.weights().get("fc6.weight").shape());
  }

  private static double s(long nanos) {
    return nanos / 1e9;
  }
}
