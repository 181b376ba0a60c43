package dev.prunus.graph;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/** Copies a Prunus graph into JGraphT, the independent oracle of these tests. */
public final class JGraphT {
  private JGraphT() {}

  /** The same nodes and edges (self-loops left out) as a JGraphT simple graph. */
  public static Graph<Integer, DefaultEdge> of(UndirectedGraph graph) {
    Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int u = 0; u < graph.nodeCount(); u++) {
      g.addVertex(u);
    }
    for (Edge e : graph.edges()) {
      g.addEdge(e.u(), e.v());
    }
    return g;
  }
}
