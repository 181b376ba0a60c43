package dev.prunus.graph;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A degree-preserving double-edge swap: remove the edges {@code a-b} and {@code c-d}, add {@code
 * a-d} and {@code c-b}.
 *
 * <p>Every node keeps its degree. The other pairing, {@code a-c} and {@code b-d}, is the same swap
 * with the second edge read the other way round ({@code c} and {@code d} exchanged), so proposing
 * edges with a random orientation covers both. A swap applies only when the four nodes are
 * distinct, both old edges exist and neither new edge does: it never makes a self-loop or a
 * multi-edge. This is the move of Maslov &amp; Sneppen (Science 296, 2002), of networkx's {@code
 * double_edge_swap} and of RGP's {@code PathOptimizer} (Chen et al., IEEE TNNLS 35(10), 2024).
 *
 * @param a first endpoint of the first removed edge
 * @param b second endpoint of the first removed edge
 * @param c first endpoint of the second removed edge
 * @param d second endpoint of the second removed edge
 */
public record DoubleEdgeSwap(int a, int b, int c, int d) {

  /**
   * RGP's proposal: a uniformly random node {@code a} and a uniformly random neighbour {@code b} of
   * it, then independently {@code c} and {@code d} the same way. Empty when a chosen node has no
   * neighbour. The proposal may not be {@linkplain #isApplicableTo applicable}.
   */
  public static Optional<DoubleEdgeSwap> propose(MutableGraph graph, SplittableRandom random) {
    int n = graph.nodeCount();
    if (n == 0) {
      return Optional.empty();
    }
    int a = random.nextInt(n);
    if (graph.degree(a) == 0) {
      return Optional.empty();
    }
    int b = graph.neighbour(a, random.nextInt(graph.degree(a)));
    int c = random.nextInt(n);
    if (graph.degree(c) == 0) {
      return Optional.empty();
    }
    int d = graph.neighbour(c, random.nextInt(graph.degree(c)));
    return Optional.of(new DoubleEdgeSwap(a, b, c, d));
  }

  /**
   * Whether the four nodes are distinct, {@code a-b} and {@code c-d} exist, {@code a-d} and {@code
   * c-b} do not.
   */
  public boolean isApplicableTo(MutableGraph graph) {
    return a != b
        && a != c
        && a != d
        && b != c
        && b != d
        && c != d
        && graph.hasEdge(a, b)
        && graph.hasEdge(c, d)
        && !graph.hasEdge(a, d)
        && !graph.hasEdge(c, b);
  }

  /**
   * Performs the swap.
   *
   * @throws IllegalArgumentException if it is not {@linkplain #isApplicableTo applicable}
   */
  public void applyTo(MutableGraph graph) {
    if (!isApplicableTo(graph)) {
      throw new IllegalArgumentException(
          "swap "
              + this
              + " does not apply: it needs four distinct nodes, edges a-b and c-d"
              + " present and a-d, c-b absent");
    }
    graph.removeEdge(a, b).removeEdge(c, d).addEdge(a, d).addEdge(c, b);
  }

  /**
   * Performs the swap if it applies and leaves {@code a} and {@code b} linked by some path; else
   * leaves the graph as it was. On a connected graph this keeps it connected: {@code c} hangs on
   * {@code b} and {@code d} on {@code a}, so every node still reaches {@code a}. This is the check
   * of networkx's {@code random_reference} ({@code local_edge_connectivity(G, a, b) == 0}).
   *
   * @return whether the swap was made
   */
  public boolean applyKeepingConnected(MutableGraph graph) {
    if (!isApplicableTo(graph)) {
      return false;
    }
    applyTo(graph);
    if (Connectivity.linked(graph, a, b)) {
      return true;
    }
    inverse().applyTo(graph);
    return false;
  }

  /**
   * The swap that undoes this one: remove {@code a-d} and {@code c-b}, add back {@code a-b} and
   * {@code c-d}.
   */
  public DoubleEdgeSwap inverse() {
    return new DoubleEdgeSwap(a, d, c, b);
  }
}
