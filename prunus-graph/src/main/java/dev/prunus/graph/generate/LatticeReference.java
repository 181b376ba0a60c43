package dev.prunus.graph.generate;

import dev.prunus.graph.UndirectedGraph;
import java.util.SplittableRandom;

/**
 * A degree-preserving "latticisation" of a graph: the lattice reference of the small-world
 * coefficient omega (Sporns &amp; Zwi, Neuroinformatics 2, 2004; Telesford et al., Brain
 * Connectivity 1, 2011; networkx {@code lattice_reference}).
 *
 * <p>Like {@link RandomReference}, but a swap is made only if it moves edges towards the diagonal
 * of the adjacency matrix, with the distance of nodes {@code i, j} taken as the ring distance
 * {@code min(|i-j|, n-|i-j|)} in node order. The rounds and tries follow networkx (see {@link
 * ReferenceRewiring}); the reference is loop-free.
 *
 * <p>networkx's test compares the removed edges {@code a-b, c-d} with the pairs {@code a-c, b-d},
 * although the edges it adds are {@code a-d, c-b}; the Brain Connectivity Toolbox's {@code
 * latmio_und}, which it adapts, compares with the added edges. {@link Rule} offers both; {@link
 * Rule#NETWORKX} is the default so that omega means what it means in networkx.
 */
public final class LatticeReference {

  /** Which pairs a swap's removed edges are compared with. */
  public enum Rule {
    /** networkx: swap iff {@code D(a,b) + D(c,d) >= D(a,c) + D(b,d)}. */
    NETWORKX,
    /** Sporns &amp; Zwi / BCT: swap iff {@code D(a,b) + D(c,d) >= D(a,d) + D(c,b)}. */
    ADDED_EDGES
  }

  private LatticeReference() {}

  /**
   * A lattice reference drawn with a fresh generator seeded with {@code seed}, networkx's rule.
   *
   * @throws IllegalArgumentException if the graph has fewer than 4 nodes or 2 edges, or {@code
   *     swapsPerEdge < 0}
   */
  public static UndirectedGraph generate(
      UndirectedGraph graph, int swapsPerEdge, boolean keepConnected, long seed) {
    return generate(graph, swapsPerEdge, keepConnected, Rule.NETWORKX, new SplittableRandom(seed));
  }

  /** A lattice reference drawn from {@code random} with the given rule. */
  public static UndirectedGraph generate(
      UndirectedGraph graph,
      int swapsPerEdge,
      boolean keepConnected,
      Rule rule,
      SplittableRandom random) {
    int n = graph.nodeCount();
    ReferenceRewiring.Filter filter =
        switch (rule) {
          case NETWORKX ->
              (a, b, c, d) -> ring(a, b, n) + ring(c, d, n) >= ring(a, c, n) + ring(b, d, n);
          case ADDED_EDGES ->
              (a, b, c, d) -> ring(a, b, n) + ring(c, d, n) >= ring(a, d, n) + ring(c, b, n);
        };
    return ReferenceRewiring.rewire(graph, swapsPerEdge, keepConnected, filter, random);
  }

  /** Distance of nodes {@code i} and {@code j} around a ring of {@code n} positions. */
  static int ring(int i, int j, int n) {
    int d = Math.abs(i - j);
    return Math.min(d, n - d);
  }
}
