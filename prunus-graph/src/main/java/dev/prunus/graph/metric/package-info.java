/**
 * Graph metrics with networkx's definitions: average, square and bipartite clustering, transitivity, the
 * average shortest path length by bit-parallel breadth-first search, global efficiency, the small-world
 * coefficients sigma and omega, and the Moore bound. RGP's search minimises the ASPL, Small-World's sweep
 * maximises sigma, and the runs record these values in their metrics.
 */
package dev.prunus.graph.metric;
