/**
 * Undirected graphs for relational-graph pruning (RGP, Small-World): an immutable
 * {@link dev.prunus.graph.UndirectedGraph} with its mutable builder, connectivity and degree-preserving
 * double-edge swaps. The base of prunus-graph, which is pure Java (no DJL, no other Prunus module); its
 * sub-packages generate graphs ({@code generate}), measure them ({@code metric}), lower their path length
 * ({@code aspl}) and draw them ({@code draw}), and prunus-core maps them onto masks.
 */
package dev.prunus.graph;
