package dev.prunus.graph.generate;

import dev.prunus.graph.DoubleEdgeSwap;
import dev.prunus.graph.MutableGraph;
import dev.prunus.graph.UndirectedGraph;
import java.util.SplittableRandom;

/**
 * The swap loop shared by {@link RandomReference} and {@link LatticeReference}, in the form of
 * networkx's {@code random_reference} / {@code lattice_reference} (after Maslov &amp; Sneppen,
 * Science 296, 2002).
 *
 * <p>{@code swapsPerEdge * m} rounds. In each round, up to {@code floor(n*m / (n(n-1)/2))} tries:
 * draw two source nodes weighted by degree and a uniform neighbour of each, giving edges {@code
 * a-b} and {@code c-d}. Draws with a repeated node are redrawn without using up a try (as in
 * networkx). A swap to {@code a-d}, {@code c-b} that makes no multi-edge and passes the {@link
 * Filter} is made; if connectivity is kept and {@code a}, {@code b} end up unlinked it is undone. A
 * made swap ends the round; a refused one uses up a try.
 *
 * <p>One departure: networkx redraws repeated nodes forever, which never ends on a graph whose
 * edges all share a node (a star). Here a round also ends after {@link #MAX_DRAWS_PER_ROUND} draws.
 */
final class ReferenceRewiring {
  /** Draws after which a round gives up. */
  static final int MAX_DRAWS_PER_ROUND = 100_000;

  /** Extra condition on a proposed swap of {@code a-b, c-d} to {@code a-d, c-b}. */
  interface Filter {
    boolean accepts(int a, int b, int c, int d);
  }

  private ReferenceRewiring() {}

  static UndirectedGraph rewire(
      UndirectedGraph graph,
      int swapsPerEdge,
      boolean keepConnected,
      Filter filter,
      SplittableRandom random) {
    int n = graph.nodeCount();
    int m = graph.edgeCount();
    if (n < 4) {
      throw new IllegalArgumentException(
          "graph has n=" + n + " nodes but a double-edge swap needs at least 4");
    }
    if (m < 2) {
      throw new IllegalArgumentException(
          "graph has " + m + " edges but a double-edge swap needs at least 2");
    }
    if (swapsPerEdge < 0) {
      throw new IllegalArgumentException("swaps per edge=" + swapsPerEdge + " must be at least 0");
    }
    MutableGraph g = MutableGraph.copyOf(graph);
    DegreeWeightedNodes sources = new DegreeWeightedNodes(g);
    long rounds = (long) swapsPerEdge * m;
    int tries = (int) ((double) n * m / (n * (n - 1) / 2.0));
    for (long round = 0; round < rounds; round++) {
      int tried = 0;
      int draws = 0;
      while (tried < tries && draws++ < MAX_DRAWS_PER_ROUND) {
        int a = sources.draw(random);
        int c = sources.draw(random);
        if (a == c) {
          continue;
        }
        int b = g.neighbour(a, random.nextInt(g.degree(a)));
        int d = g.neighbour(c, random.nextInt(g.degree(c)));
        if (b == c || b == d || d == a) {
          continue;
        }
        if (!g.hasEdge(a, d) && !g.hasEdge(c, b) && filter.accepts(a, b, c, d)) {
          DoubleEdgeSwap swap = new DoubleEdgeSwap(a, b, c, d);
          if (keepConnected ? swap.applyKeepingConnected(g) : apply(swap, g)) {
            break;
          }
        }
        tried++;
      }
    }
    return g.toGraph();
  }

  private static boolean apply(DoubleEdgeSwap swap, MutableGraph g) {
    swap.applyTo(g);
    return true;
  }
}
