package dev.prunus.graph.generate;

import dev.prunus.graph.UndirectedGraph;
import java.util.SplittableRandom;

/**
 * A degree-preserving randomisation of a graph: the random reference of the small-world
 * coefficients sigma and omega (Maslov &amp; Sneppen, Science 296, 2002; networkx {@code
 * random_reference}).
 *
 * <p>Every node keeps its degree; each edge is rewired about {@code swapsPerEdge} times (networkx's
 * {@code niter}); the graph stays connected when asked to. The rounds and tries follow networkx
 * exactly (see {@link ReferenceRewiring}); draws come from a {@link SplittableRandom}, not Python's
 * generator, so one seed gives a different graph here than in networkx but with the same
 * distribution. The reference is loop-free: a self-loop of the input is not carried over (no metric
 * counts it).
 */
public final class RandomReference {
  private RandomReference() {}

  /**
   * A random reference drawn with a fresh generator seeded with {@code seed}.
   *
   * @throws IllegalArgumentException if the graph has fewer than 4 nodes or 2 edges, or {@code
   *     swapsPerEdge < 0}
   */
  public static UndirectedGraph generate(
      UndirectedGraph graph, int swapsPerEdge, boolean keepConnected, long seed) {
    return generate(graph, swapsPerEdge, keepConnected, new SplittableRandom(seed));
  }

  /**
   * A random reference drawn from {@code random}, so that several references can come from one
   * seeded stream as in networkx's {@code sigma}.
   */
  public static UndirectedGraph generate(
      UndirectedGraph graph, int swapsPerEdge, boolean keepConnected, SplittableRandom random) {
    return ReferenceRewiring.rewire(
        graph, swapsPerEdge, keepConnected, (a, b, c, d) -> true, random);
  }
}
