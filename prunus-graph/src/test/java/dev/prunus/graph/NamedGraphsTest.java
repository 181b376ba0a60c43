package dev.prunus.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.jgrapht.Graph;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.generate.NamedGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

/** The hand-copied fixtures are the graphs JGraphT knows by name. */
class NamedGraphsTest {

  @Test
  void karateClubIsJGraphTsZacharyKarateClub() {
    Graph<Integer, DefaultEdge> zachary =
        new SimpleGraph<>(
            SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    new NamedGraphGenerator<Integer, DefaultEdge>().generateZacharyKarateClubGraph(zachary);
    assertThat(isomorphic(JGraphT.of(NamedGraphs.karateClub()), zachary)).isTrue();
  }

  @Test
  void petersenIsJGraphTsPetersenGraph() {
    assertThat(isomorphic(JGraphT.of(NamedGraphs.petersen()), NamedGraphGenerator.petersenGraph()))
        .isTrue();
  }

  private static boolean isomorphic(Graph<Integer, DefaultEdge> a, Graph<Integer, DefaultEdge> b) {
    return new VF2GraphIsomorphismInspector<>(a, b).isomorphismExists();
  }
}
