package dev.prunus.prune.method.datafree;

import dev.prunus.InvalidInputException;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * How many neurons a neuron-level method removes from each hidden fully connected layer (its {@code remove}
 * parameter): {@link #byDensity()} (the default) follows the run's target, whose density is then the kept
 * fraction of each layer's neurons ({@code round(density * neurons)}, at least one); {@link #each(int) each(N)}
 * removes N neurons from every hidden layer; {@link #perLayer(Map) perLayer({fc1=450, fc2=20})} removes the
 * given counts from the named layers and none from the others. Counts are of neurons still alive; at least
 * one neuron of a layer stays. As text ({@link #parse}): empty, {@code N}, or {@code fc1=450,fc2=20}.
 *
 * @param everyLayer the count for every hidden layer, or null
 * @param perLayer counts by layer name (empty unless {@code everyLayer} is null)
 */
public record NeuronCount(Integer everyLayer, Map<String, Integer> perLayer) {
  static final String OPTION = "remove";

  /** The {@code remove} declaration shared by the neuron methods. */
  static final MethodOption DECLARATION = MethodOption.of(OPTION, "",
      "neurons removed per hidden FC layer: N for each, or LAYER=N,... for some; "
          + "none: keep round(density x neurons) of each");

  /** Checks that every count is 0 or more, and that a count for every layer comes alone. */
  public NeuronCount {
    perLayer = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perLayer));
    if (everyLayer != null && everyLayer < 0) {
      throw negative(String.valueOf(everyLayer), everyLayer);
    }
    if (everyLayer != null && !perLayer.isEmpty()) {
      throw new InvalidInputException("{{remove}} takes one count for every layer or counts by layer, not both");
    }
    perLayer.forEach((layer, n) -> {
      if (n == null || n < 0) {
        throw negative(layer + "=" + n, n);
      }
    });
  }

  /** As many as the run's target density leaves (the default). */
  public static NeuronCount byDensity() {
    return new NeuronCount(null, Map.of());
  }

  /** {@code n} neurons from every hidden FC layer. */
  public static NeuronCount each(int n) {
    return new NeuronCount(n, Map.of());
  }

  /** The given number of neurons from each named layer, none from the others. */
  public static NeuronCount perLayer(Map<String, Integer> counts) {
    return new NeuronCount(null, counts);
  }

  /** Parses the option's text, naming the rule and an example when it is malformed. */
  public static NeuronCount parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return byDensity();
    }
    if (!t.contains("=")) {
      return each(count(t, t));
    }
    Map<String, Integer> per = new LinkedHashMap<>();
    for (String part : t.split(",")) {
      String[] kv = part.strip().split("=", -1);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new InvalidInputException("{{remove=" + text + "}}: '" + part + "' is not LAYER=N; write e.g. "
            + "fc1=450,fc2=20");
      }
      if (per.put(kv[0].strip(), count(text, kv[1].strip())) != null) {
        throw new InvalidInputException("{{remove=" + text + "}} names layer " + kv[0].strip() + " twice");
      }
    }
    return perLayer(per);
  }

  private static int count(String text, String n) {
    try {
      int c = Integer.parseInt(n);
      if (c >= 0) {
        return c;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("{{remove=" + text + "}}: '" + n + "' must be a whole number of neurons >= 0, "
        + "e.g. {{remove=450}} or {{remove=fc1=450}}");
  }

  private static InvalidInputException negative(String text, Integer n) {
    return new InvalidInputException("{{remove=" + text + "}}: '" + n + "' must be a whole number of neurons >= 0, "
        + "e.g. {{remove=450}} or {{remove=fc1=450}}");
  }

  /**
   * No density is needed on the command line when the options say how many neurons go ({@code --remove},
   * or {@code --auto} where {@code auto} is true): the run's target is then 1, and the density an outcome.
   */
  static OptionalDouble impliedDensity(MethodOptions o, boolean auto) {
    return auto || !parse(o.string(OPTION)).fromTarget() ? OptionalDouble.of(1) : OptionalDouble.empty();
  }

  /** True when the counts come from the run's target. */
  public boolean fromTarget() {
    return everyLayer == null && perLayer.isEmpty();
  }

  /** Rejects per-layer counts for layers that are not hidden FC layers of the model. */
  void requireKnown(List<HiddenFcLayer> layers) {
    List<String> names = layers.stream().map(l -> l.layer().name()).toList();
    for (String name : perLayer.keySet()) {
      if (!names.contains(name)) {
        throw new InvalidInputException("{{remove}} names layer " + name + ", which is not a hidden fully connected "
            + "layer of this model: choose among " + names.stream().collect(Collectors.joining(", ")));
      }
    }
  }

  /** The number of alive neurons to remove from {@code layer} under {@code target}. */
  int of(HiddenFcLayer layer, PruningTarget target) {
    int alive = layer.aliveCount();
    int total = layer.layer().outFeatures();
    if (fromTarget()) {
      return (int) Math.max(0, alive - target.keep(total));
    }
    int n = everyLayer != null ? everyLayer : perLayer.getOrDefault(layer.layer().name(), 0);
    if (n > alive - 1) {
      throw new InvalidInputException("{{remove=" + n + "}} for layer " + layer.layer().name() + " exceeds its "
          + (alive - 1) + " removable neurons (" + alive + " alive, at least one stays): remove at most " + (alive - 1));
    }
    return n;
  }
}
