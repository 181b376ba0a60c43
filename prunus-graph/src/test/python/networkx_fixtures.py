"""Prints the networkx values that prunus-graph's tests assert as fixtures.

Run once by hand (python3 networkx_fixtures.py); the numbers were copied into the Java tests, which
never run Python. Values were produced with networkx 3.6.1 on Python 3.11.7.
"""
import statistics

import networkx as nx
from networkx.algorithms import bipartite


def report(name, g):
    print(f"== {name}: n={g.number_of_nodes()} m={g.number_of_edges()}")
    print("  average_clustering", repr(nx.average_clustering(g)))
    print("  transitivity      ", repr(nx.transitivity(g)))
    if nx.is_connected(g):
        print("  aspl              ", repr(nx.average_shortest_path_length(g)))
    print("  global_efficiency ", repr(nx.global_efficiency(g)))
    sq = nx.square_clustering(g)
    print("  square avg        ", repr(sum(sq.values()) / len(sq)))
    cl = nx.clustering(g)
    print("  clustering by node", [repr(cl[v]) for v in sorted(g)])
    print("  square by node    ", [repr(sq[v]) for v in sorted(g)])


karate = nx.Graph(sorted(nx.karate_club_graph().edges()))
report("karate club", karate)
print("  edges", sorted(karate.edges()))

report("petersen", nx.petersen_graph())

ws = nx.watts_strogatz_graph(10, 4, 0.3, seed=7)
print("  ws(10,4,0.3,seed=7) edges", sorted(ws.edges()))
report("watts-strogatz 10", ws)

with_loops = nx.watts_strogatz_graph(16, 4, 0.2, seed=3)
print("  ws(16,4,0.2,seed=3) edges", sorted(with_loops.edges()))
report("ws16 without self-loops", with_loops)
with_loops.add_edges_from((v, v) for v in with_loops)
report("ws16 with self-loops", with_loops)

davis = nx.davis_southern_women_graph()
print("== davis: robins_alexander", repr(bipartite.robins_alexander_clustering(davis)))
for mode in ("dot", "min", "max"):
    print("   latapy average", mode, repr(bipartite.average_clustering(davis, mode=mode)))

# a three-layer feed-forward graph: layer A = 0..3, B = 4..7, C = 8..11
layered = nx.Graph([(0, 4), (0, 5), (1, 5), (1, 6), (2, 6), (2, 7), (3, 7), (3, 4), (0, 6),
                    (4, 8), (5, 8), (5, 9), (6, 10), (7, 11), (4, 11), (6, 9)])
report("layered", layered)
print("   robins_alexander", repr(bipartite.robins_alexander_clustering(layered)))
for mode in ("dot", "min", "max"):
    print("   latapy average", mode, repr(bipartite.average_clustering(layered, mode=mode)))

for k in (4, 8):
    lattice = nx.watts_strogatz_graph(64, k, 0)
    print(f"== ring lattice 64/{k}: C", repr(nx.average_clustering(lattice)),
          "T", repr(nx.transitivity(lattice)), "L", repr(nx.average_shortest_path_length(lattice)))

# sigma, omega and their references are random: means over many seeds, for a tolerance check.
# Node order matters to lattice_reference (its ring distance follows it): nodes 0..29 in order.
ws30 = nx.watts_strogatz_graph(30, 4, 0.1, seed=11)
print("  ws(30,4,0.1,seed=11) edges", sorted(ws30.edges()), "node order", list(ws30))
sigmas = [nx.sigma(ws30, niter=5, nrand=5, seed=s) for s in range(100, 200)]
omegas = [nx.omega(ws30, niter=5, nrand=5, seed=s) for s in range(100, 200)]
print("== ws30 sigma(niter=5, nrand=5), 100 seeds: mean", statistics.mean(sigmas),
      "sd", statistics.stdev(sigmas))
print("== ws30 omega(niter=5, nrand=5), 100 seeds: mean", statistics.mean(omegas),
      "sd", statistics.stdev(omegas))
randoms = [nx.random_reference(ws30, niter=5, seed=s) for s in range(200)]
print("== ws30 random_reference(niter=5), 200 seeds: transitivity mean",
      statistics.mean(nx.transitivity(r) for r in randoms),
      "aspl mean", statistics.mean(nx.average_shortest_path_length(r) for r in randoms))
lattices = [nx.lattice_reference(ws30, niter=5, seed=s) for s in range(200)]
print("== ws30 lattice_reference(niter=5), 200 seeds: average clustering mean",
      statistics.mean(nx.average_clustering(r) for r in lattices))
