/**
 * Relational graphs as masks, shared by RGP and Small-World: a graph on n nodes maps onto every masked layer
 * by splitting its channels into n groups and keeping the blocks of adjacent groups, with Small-World's
 * bipartite lattice inside the kept blocks and the whole network's unit graph for its metrics. The graphs
 * come from prunus-graph; the methods in {@code prune.method} choose them.
 */
package dev.prunus.prune.relational;
