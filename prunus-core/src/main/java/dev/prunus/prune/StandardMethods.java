package dev.prunus.prune;

import dev.prunus.prune.method.L1Structured;
import dev.prunus.prune.method.Magnitude;
import dev.prunus.prune.method.RandomPruning;
import dev.prunus.prune.method.Rgp;
import dev.prunus.prune.method.SmallWorld;
import dev.prunus.prune.method.Snip;
import dev.prunus.prune.method.datafree.DataFree;
import dev.prunus.prune.method.datafree.NaiveNeuron;
import dev.prunus.prune.method.datafree.RandomNeuron;
import dev.prunus.prune.method.relief.Relief;
import java.util.List;

/** The methods that ship with Prunus, in the order {@code prunus methods} lists them. */
final class StandardMethods {
  private StandardMethods() {}

  static List<MethodFactory> all() {
    return List.of(new Magnitude.Factory(), new RandomPruning.Factory(), new L1Structured.Factory(), new Snip.Factory(),
        new Rgp.Factory(), new SmallWorld.Factory(), new Relief.Factory(),
        new DataFree.Factory(), RandomNeuron.factory(), NaiveNeuron.factory());
  }
}
