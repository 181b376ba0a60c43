package dev.prunus.prune.method.datafree;

import dev.prunus.model.Model;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.ScheduleKind;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Naive neuron removal, the magnitude baseline of Srinivas &amp; Babu (BMVC 2015): drops the neurons of
 * hidden fully connected layers whose outgoing weights (their column of the next layer's weight) have the
 * smallest L2 norm, with no surgery. The paper is known to describe it only as removing the neurons of
 * smallest outgoing weights (its text beyond the abstract was not available); the L2 norm is Prunus's choice
 * (the saliency of {@code data-free} scales with the squared outgoing weights too). Same layers and counts as
 * {@code data-free} ({@link NeuronCount}); ties go to the lower neuron index. Deterministic, no seed used.
 *
 * <p>From Java: {@code NaiveNeuron.removing(NeuronCount.each(100))}.
 */
public final class NaiveNeuron {
  public static final String ID = "naive-neuron";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "drop neurons of hidden FC layers with the smallest outgoing weights, no surgery (Srinivas & Babu 2015's baseline)",
      Granularity.UNIT,
      ScheduleKind.ONE_SHOT,
      List.of(NeuronCount.DECLARATION));

  private NaiveNeuron() {}

  /**
   * The method, removing {@code count} neurons of each hidden FC layer ({@link NeuronCount#fromTarget()}:
   * as many as the target density leaves).
   *
   * @throws dev.prunus.InvalidInputException for a missing count
   */
  public static PruningMethod removing(NeuronCount count) {
    return NeuronDrops.of(INFO, count, NaiveNeuron::choose);
  }

  /** The method's factory, for the registry. */
  public static MethodFactory factory() {
    return NeuronDrops.factory(INFO, NaiveNeuron::choose);
  }

  private static int[] choose(Model model, HiddenFcLayer layer, int k, long seed) {
    int outputs = layer.consumer().outFeatures();
    float[] a = layer.outgoing(model);
    double[] norm = new double[layer.layer().outFeatures()];
    for (int u = 0; u < norm.length; u++) {
      for (int o = u * outputs; o < (u + 1) * outputs; o++) {
        norm[u] += (double) a[o] * a[o];
      }
    }
    return IntStream.range(0, norm.length).filter(layer::isAlive).boxed()
        .sorted((x, y) -> norm[x] != norm[y] ? Double.compare(norm[x], norm[y]) : Integer.compare(x, y))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }
}
