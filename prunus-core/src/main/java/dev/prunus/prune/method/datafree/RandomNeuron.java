package dev.prunus.prune.method.datafree;

import dev.prunus.Shuffle;
import dev.prunus.model.Model;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.ScheduleKind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Random neuron removal, the sanity baseline of Srinivas &amp; Babu (BMVC 2015): drops neurons of hidden
 * fully connected layers chosen uniformly at random among the alive ones, with no surgery. Same layers
 * and counts as {@code data-free} ({@link NeuronCount}: the density as the kept fraction of each layer's
 * neurons, or {@code --remove}), so the two compare count for count. Layer {@code l} (0-based, forward
 * order) draws from {@code SplittableRandom(seed + l)} among its alive neurons in index order
 * ({@link Shuffle#draw}), so the same seed gives the same plan and a larger count extends a smaller one.
 *
 * <p>From Java: {@code RandomNeuron.removing(NeuronCount.each(100))}.
 */
public final class RandomNeuron {
  public static final String ID = "random-neuron";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "drop random neurons of hidden FC layers, no surgery (Srinivas & Babu 2015's baseline)",
      Granularity.UNIT,
      ScheduleKind.ONE_SHOT,
      List.of(NeuronCount.DECLARATION));

  private RandomNeuron() {}

  /**
   * The method, removing {@code count} neurons of each hidden FC layer ({@link NeuronCount#fromTarget()}:
   * as many as the target density leaves).
   *
   * @throws dev.prunus.InvalidInputException for a missing count
   */
  public static PruningMethod removing(NeuronCount count) {
    return NeuronDrops.of(INFO, count, RandomNeuron::choose);
  }

  /** The method's factory, for the registry. */
  public static MethodFactory factory() {
    return NeuronDrops.factory(INFO, RandomNeuron::choose);
  }

  private static int[] choose(Model model, HiddenFcLayer layer, int k, long seed) {
    int[] alive = IntStream.range(0, layer.layer().outFeatures()).filter(layer::isAlive).toArray();
    return Shuffle.draw(alive, k, new SplittableRandom(seed));
  }
}
