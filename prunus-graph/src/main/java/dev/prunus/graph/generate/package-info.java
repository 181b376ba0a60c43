/**
 * Seeded graph generators: ring lattices, Watts-Strogatz, random regular and Erdos-Renyi graphs, and the
 * random and lattice references that the small-world coefficients compare a graph with. Every generator draws
 * from an explicit seed, so the same seed gives the same graph; RGP starts its search from the ring lattice
 * and Small-World maps a Watts-Strogatz graph onto its masks.
 */
package dev.prunus.graph.generate;
