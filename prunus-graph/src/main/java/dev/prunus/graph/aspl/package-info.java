/**
 * RGP's graph search: {@link dev.prunus.graph.aspl.AsplOptimizer} lowers the average shortest path length of
 * a regular graph by degree-preserving, connectivity-keeping edge swaps, recording the chain of snapshots
 * that {@code prunus graph chain} prints and RGP's {@code --graph} chooses from. It builds on the graphs and
 * swaps of {@code dev.prunus.graph} and measures with {@code dev.prunus.graph.metric}.
 */
package dev.prunus.graph.aspl;
