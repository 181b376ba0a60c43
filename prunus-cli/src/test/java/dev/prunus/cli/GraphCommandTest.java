package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphCommandTest {
  /**
   * The chain starts at the ring lattice: for n=16, k=4 a node reaches ring distance d in ceil(d/2) hops, so
   * the distance sum from one node is 2(1+1+2+2+3+3+4) + 4 = 36 and the ASPL is 36/15 = 2.4. The Moore bound
   * for 16 nodes of degree 4: at best 4 nodes at distance 1 and the other 11 at distance 2, (4 + 22) / 15 = 1.7333.
   */
  @Test
  void chainPrintsTheSnapshotsFromTheLatticeAndWritesThemAsCsv(@TempDir Path tmp) throws Exception {
    Path csv = tmp.resolve("chain.csv");
    Cli r = Cli.run("graph", "chain", "--nodes", "16", "--degree", "4", "--aspl-steps", "20000", "--csv", csv.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("snapshot", "ASPL/Moore", "ASPL 2.4000 ->", "Moore bound 1.7333");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("snapshot,step,aspl,average_clustering,moore_ratio");
    assertThat(lines.get(1)).startsWith("0,0,2.4000000000000");
    assertThat(lines.size()).isGreaterThan(2);
    double previous = Double.MAX_VALUE;
    for (String line : lines.subList(1, lines.size())) {
      double aspl = Double.parseDouble(line.split(",")[2]);
      assertThat(aspl).as("ASPL falls along the chain").isLessThan(previous);
      previous = aspl;
    }
  }

  @Test
  void showPrintsTheMetricsAndDrawsThePng(@TempDir Path tmp) throws Exception {
    Path png = tmp.resolve("g.png");
    Cli r = Cli.run("graph", "show", "--nodes", "16", "--degree", "4", "--graph", "lattice", "--png", png.toString(),
        "--size", "200", "--small-world");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("lattice graph, n=16 k=4", "ASPL                   2.4000", "average clustering     0.5000",
        "sigma", "omega");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(200);
    int dark = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        int rgb = image.getRGB(x, y);
        if ((rgb & 0xff) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).as("edges and nodes are drawn").isGreaterThan(500);
    assertThat(Files.list(tmp)).as("no temporary file left").containsExactly(png);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "graph chain --nodes 16 --degree 5                 | --degree 5 is odd",
    "graph chain --nodes 3 --degree 2                  | --nodes 3 is too few",
    "graph show --nodes 16 --degree 16                 | --degree 16 must be in [2, 15]",
    "graph show --nodes 16 --degree 4 --graph best     | --graph 'best' is not one of",
    "graph show --nodes 16 --degree 4 --graph snapshot:999 --aspl-steps 100 | snapshot:0 to snapshot:",
    "graph show --nodes 16 --degree 4 --png g.png --size 60000 | --size 60000 must be in [32, 16384] pixels a side",
    "graph show --nodes 16 --degree 4 --png g.png --size 8      | --size 8 must be in [32, 16384]",
  })
  void badGraphsExitTwoNamingTheValidValues(String args, String message) {
    Cli r = Cli.run(args.trim().split("\\s+"));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }
}
