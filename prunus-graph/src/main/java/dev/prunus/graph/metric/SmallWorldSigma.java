package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.RandomReference;
import java.util.SplittableRandom;

/**
 * The small-world coefficient sigma (Humphries &amp; Gurney, "Network 'small-world-ness': a
 * quantitative method for determining canonical network equivalence", PLoS ONE 3(4), 2008): {@code
 * sigma = (C / C_r) / (L / L_r)}, greater than 1 for a small-world graph.
 *
 * <p>Computed as networkx's {@code sigma(G, niter, nrand, seed)}: {@code C_r} and {@code L_r} are
 * the means over {@code references} connected {@link RandomReference random references}, each
 * rewired {@code swapsPerEdge} times per edge, all drawn in turn from one generator seeded with
 * {@code seed}; {@code C} is the {@linkplain ClusteringMeasure#TRANSITIVITY transitivity} unless
 * another measure is chosen; {@code L} is the {@link Aspl}. Divisions follow IEEE arithmetic as
 * numpy's do in networkx: {@code C_r = 0} gives an infinite or NaN sigma rather than an error.
 *
 * @param value sigma
 * @param clustering {@code C}
 * @param randomClustering {@code C_r}
 * @param aspl {@code L}
 * @param randomAspl {@code L_r}
 * @param settings how the references were made and which clustering was used
 */
public record SmallWorldSigma(
    double value,
    double clustering,
    double randomClustering,
    double aspl,
    double randomAspl,
    Settings settings) {

  /**
   * How sigma is computed.
   *
   * @param references number of random references ({@code nrand}), at least 1
   * @param swapsPerEdge rewirings per edge of each reference ({@code niter}), at least 0
   * @param measure the clustering compared
   * @param seed seed of the references' generator
   */
  public record Settings(int references, int swapsPerEdge, ClusteringMeasure measure, long seed) {
    /** Validates the settings. */
    public Settings {
      if (references < 1) {
        throw new IllegalArgumentException(
            "references=" + references + " must be at least 1: sigma averages over them");
      }
      if (swapsPerEdge < 0) {
        throw new IllegalArgumentException("swapsPerEdge=" + swapsPerEdge + " must be at least 0");
      }
      if (measure == null) {
        throw new IllegalArgumentException("measure must be given: TRANSITIVITY as in networkx");
      }
    }

    /** networkx's defaults: 10 references, 100 swaps per edge, transitivity. */
    public static Settings networkxDefaults(long seed) {
      return new Settings(10, 100, ClusteringMeasure.TRANSITIVITY, seed);
    }
  }

  /**
   * Sigma of {@code graph}.
   *
   * @throws IllegalArgumentException if the graph is disconnected or has fewer than 4 nodes or 2
   *     edges
   */
  public static SmallWorldSigma of(UndirectedGraph graph, Settings settings) {
    double clustering = settings.measure().of(graph);
    double aspl = Aspl.of(graph);
    SplittableRandom random = new SplittableRandom(settings.seed());
    double clusteringSum = 0;
    double asplSum = 0;
    for (int i = 0; i < settings.references(); i++) {
      UndirectedGraph reference =
          RandomReference.generate(graph, settings.swapsPerEdge(), true, random);
      clusteringSum += settings.measure().of(reference);
      asplSum += Aspl.of(reference);
    }
    double randomClustering = clusteringSum / settings.references();
    double randomAspl = asplSum / settings.references();
    double value = (clustering / randomClustering) / (aspl / randomAspl);
    return new SmallWorldSigma(value, clustering, randomClustering, aspl, randomAspl, settings);
  }
}
