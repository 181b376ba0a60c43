package dev.prunus.graph.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.graph.NamedGraphs;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.RingLattice;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDrawingTest {
  @TempDir Path dir;

  /** Whether a pixel within one of (x, y) is dark grey or black (edges are drawn in dark grey). */
  private static boolean dark(BufferedImage image, double x, double y) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        int rgb = image.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy);
        if ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff) < 3 * 128) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void drawsAPngOfTheRequestedSizeWithEdgesWhereTheChordsAre() throws Exception {
    UndirectedGraph petersen = NamedGraphs.petersen();
    Path out = dir.resolve("nested/petersen.png");

    GraphDrawing.circlePng(petersen, out, 300);

    BufferedImage image = ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(image.getHeight()).isEqualTo(300);
    for (var e : petersen.edges()) {
      double[] p = GraphDrawing.position(e.u(), 10, 300);
      double[] q = GraphDrawing.position(e.v(), 10, 300);
      assertThat(dark(image, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2)).as("edge %s", e).isTrue();
    }
    // away from the circle and its chords the picture is blank
    assertThat(dark(image, 5, 5)).isFalse();
    assertThat(dark(image, 294, 294)).isFalse();
  }

  @Test
  void aGraphWithoutEdgesShowsOnlyItsNodes() throws Exception {
    Path out = dir.resolve("empty.png");
    GraphDrawing.circlePng(UndirectedGraph.empty(8), out, 64);
    BufferedImage image = ImageIO.read(out.toFile());
    double[] p = GraphDrawing.position(0, 8, 64);
    double[] q = GraphDrawing.position(4, 8, 64);
    assertThat(dark(image, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2)).isFalse();
    assertThat(image.getRGB((int) p[0], (int) p[1]) & 0xffffff).isNotEqualTo(0xffffff);
  }

  @Test
  void selfLoopsAndLargeGraphsDraw() throws Exception {
    Path out = dir.resolve("lattice.png");
    GraphDrawing.circlePng(RingLattice.of(512, 8).withSelfLoops(), out, 800);
    assertThat(Files.size(out)).isPositive();
    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(800);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(
            () -> GraphDrawing.circlePng(NamedGraphs.petersen(), dir.resolve("x.png"), 10))
        .hasMessageContaining("size=10 pixels must be at least 32");
    assertThatThrownBy(
            () -> GraphDrawing.circlePng(UndirectedGraph.empty(0), dir.resolve("x.png"), 100))
        .hasMessageContaining("no nodes");
  }
}
