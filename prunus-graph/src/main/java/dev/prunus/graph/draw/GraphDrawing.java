package dev.prunus.graph.draw;

import dev.prunus.graph.UndirectedGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Pictures of a graph: nodes on a circle, edges as straight chords. Node 0 is at the top and the
 * others follow clockwise, so a ring lattice shows as a band along the rim and long-range edges as
 * chords through the middle. A self-loop is a small ring outside its node.
 *
 * <p>Drawn with {@link BufferedImage} and written with {@link ImageIO}; no display is needed (run
 * with {@code -Djava.awt.headless=true} on a machine without one).
 */
public final class GraphDrawing {
  /** The smallest picture size accepted, in pixels. */
  public static final int MIN_SIZE = 32;

  private static final Color BACKGROUND = Color.WHITE;
  private static final Color EDGE = new Color(30, 30, 30);
  private static final Color NODE = new Color(200, 40, 40);

  private GraphDrawing() {}

  /**
   * The graph's node {@code i} position on the circle for a picture {@code size} pixels wide:
   * {@code {x, y}}.
   */
  public static double[] position(int i, int n, int size) {
    double angle = 2 * Math.PI * i / n - Math.PI / 2;
    double radius = 0.42 * size;
    return new double[] {
      size / 2.0 + radius * Math.cos(angle), size / 2.0 + radius * Math.sin(angle)
    };
  }

  /**
   * Draws {@code graph} as a {@code size} x {@code size} PNG at {@code out}, creating missing
   * parent folders and replacing an existing file.
   *
   * @throws IllegalArgumentException if the graph has no nodes or {@code size} is below {@value
   *     #MIN_SIZE}
   * @throws IOException if the file cannot be written
   */
  public static void circlePng(UndirectedGraph graph, Path out, int size) throws IOException {
    BufferedImage image = circle(graph, size);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", out.toFile())) {
      throw new IOException("no PNG writer is available to write " + out);
    }
  }

  /**
   * Draws {@code graph} as a {@code size} x {@code size} PNG onto {@code out} (for callers that write
   * files their own way, e.g. atomically).
   *
   * @throws IllegalArgumentException if the graph has no nodes or {@code size} is below {@value
   *     #MIN_SIZE}
   * @throws IOException if the stream cannot be written
   */
  public static void circlePng(UndirectedGraph graph, OutputStream out, int size) throws IOException {
    if (!ImageIO.write(circle(graph, size), "png", out)) {
      throw new IOException("no PNG writer is available");
    }
  }

  private static BufferedImage circle(UndirectedGraph graph, int size) {
    int n = graph.nodeCount();
    if (n == 0) {
      throw new IllegalArgumentException("graph has no nodes (n=0): there is nothing to draw");
    }
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException(
          "size=" + size + " pixels must be at least " + MIN_SIZE + " to show a graph");
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, size, size);
      float stroke = Math.max(1.5f, size / 300f);
      g.setStroke(new BasicStroke(stroke));
      g.setColor(EDGE);
      for (int u = 0; u < n; u++) {
        double[] p = position(u, n, size);
        for (int v : graph.neighbours(u)) {
          if (v > u) {
            double[] q = position(v, n, size);
            g.draw(new Line2D.Double(p[0], p[1], q[0], q[1]));
          }
        }
      }
      double dot = Math.max(2.0, Math.min(size / 60.0, Math.PI * 0.84 * size / n / 2));
      for (int u = 0; u < n; u++) {
        double[] p = position(u, n, size);
        if (graph.hasSelfLoop(u)) {
          double[] outer = position(u, n, size);
          double dx = (outer[0] - size / 2.0) / (0.42 * size);
          double dy = (outer[1] - size / 2.0) / (0.42 * size);
          g.setColor(EDGE);
          g.draw(
              new Ellipse2D.Double(
                  p[0] + dx * dot * 1.5 - dot, p[1] + dy * dot * 1.5 - dot, 2 * dot, 2 * dot));
        }
        g.setColor(NODE);
        g.fill(new Ellipse2D.Double(p[0] - dot / 2, p[1] - dot / 2, dot, dot));
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
