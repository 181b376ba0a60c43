package dev.prunus.graph.metric;

import dev.prunus.graph.UndirectedGraph;

/**
 * Which clustering a small-world coefficient compares. Triangle measures are 0 on layered graphs,
 * so the small-world coefficient of such a graph needs {@link #SQUARE};
 * whichever is used must be reported with the value.
 */
public enum ClusteringMeasure {
  /** {@link Clustering#transitivity}: what networkx's {@code sigma} uses. */
  TRANSITIVITY,
  /** {@link Clustering#average}: what networkx's {@code omega} uses. */
  AVERAGE,
  /** {@link SquareClustering#average}: not 0 on layered (bipartite) graphs. */
  SQUARE;

  /** This measure on {@code graph}. */
  public double of(UndirectedGraph graph) {
    return switch (this) {
      case TRANSITIVITY -> Clustering.transitivity(graph);
      case AVERAGE -> Clustering.average(graph);
      case SQUARE -> SquareClustering.average(graph);
    };
  }
}
