package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.LatticeReference;
import dev.prunus.graph.generate.RandomReference;
import java.util.SplittableRandom;

/**
 * The small-world coefficient omega (Telesford, Joyce, Hayasaka, Burdette &amp; Laurienti, "The
 * ubiquity of small-world networks", Brain Connectivity 1(5), 2011): {@code omega = L_r / L - C /
 * C_l}, near 0 for a small-world graph, towards -1 for a lattice and +1 for a random graph.
 *
 * <p>Computed as networkx's {@code omega(G, niter, nrand, seed)}: for each of {@code references}
 * rounds, a connected {@link RandomReference} rewired {@code 2 * swapsPerEdge} times per edge and
 * then a connected {@link LatticeReference} rewired {@code swapsPerEdge} times per edge, all drawn
 * in turn from one generator seeded with {@code seed}. {@code L_r} is the mean ASPL of the random
 * references; {@code C_l} is the largest clustering among the graph itself and its lattice
 * references; {@code C} is the {@linkplain ClusteringMeasure#AVERAGE average clustering} unless
 * another measure is chosen. Divisions follow IEEE arithmetic (a graph and lattices without
 * clustering give NaN).
 *
 * @param value omega
 * @param aspl {@code L}
 * @param randomAspl {@code L_r}
 * @param clustering {@code C}
 * @param latticeClustering {@code C_l}
 * @param settings how the references were made and which clustering was used
 */
public record SmallWorldOmega(
    double value,
    double aspl,
    double randomAspl,
    double clustering,
    double latticeClustering,
    Settings settings) {

  /**
   * How omega is computed.
   *
   * @param references rounds of references ({@code nrand}), at least 1
   * @param swapsPerEdge rewirings per edge of each lattice reference ({@code niter}; the random
   *     references get twice as many), at least 0
   * @param measure the clustering compared
   * @param latticeRule which pairs a lattice swap compares (networkx's rule by default)
   * @param seed seed of the references' generator
   */
  public record Settings(
      int references,
      int swapsPerEdge,
      ClusteringMeasure measure,
      LatticeReference.Rule latticeRule,
      long seed) {
    /** Validates the settings. */
    public Settings {
      if (references < 1) {
        throw new IllegalArgumentException(
            "references=" + references + " must be at least 1: omega averages over them");
      }
      if (swapsPerEdge < 0) {
        throw new IllegalArgumentException("swapsPerEdge=" + swapsPerEdge + " must be at least 0");
      }
      if (measure == null || latticeRule == null) {
        throw new IllegalArgumentException(
            "measure and latticeRule must be given: AVERAGE and NETWORKX as in networkx");
      }
    }

    /** networkx's defaults: 10 rounds, 5 swaps per edge, average clustering, networkx's rule. */
    public static Settings networkxDefaults(long seed) {
      return new Settings(10, 5, ClusteringMeasure.AVERAGE, LatticeReference.Rule.NETWORKX, seed);
    }
  }

  /**
   * Omega of {@code graph}.
   *
   * @throws IllegalArgumentException if the graph is disconnected or has fewer than 4 nodes or 2
   *     edges
   */
  public static SmallWorldOmega of(UndirectedGraph graph, Settings settings) {
    double clustering = settings.measure().of(graph);
    double aspl = Aspl.of(graph);
    double latticeClustering = clustering;
    double asplSum = 0;
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (int i = 0; i < settings.references(); i++) {
      UndirectedGraph randomReference =
          RandomReference.generate(graph, 2 * settings.swapsPerEdge(), true, random);
      asplSum += Aspl.of(randomReference);
      UndirectedGraph lattice =
          LatticeReference.generate(
              graph, settings.swapsPerEdge(), true, settings.latticeRule(), random);
      latticeClustering = Math.max(latticeClustering, settings.measure().of(lattice));
    }
    double randomAspl = asplSum / settings.references();
    double value = randomAspl / aspl - clustering / latticeClustering;
    return new SmallWorldOmega(value, aspl, randomAspl, clustering, latticeClustering, settings);
  }
}
