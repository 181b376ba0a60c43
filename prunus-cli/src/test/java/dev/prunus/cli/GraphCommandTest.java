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

  /**
   * A large graph's search stops at --aspl-time however many steps it may take, prints progress on the error
   * stream, and says how far it went and why it stopped (these commands used to run the full million proposals,
   * silently, for minutes).
   */
  @Test
  void aLargeChainStopsAtTheTimeLimitWithProgressAndSaysHowFarItWent() {
    long t0 = System.nanoTime();
    Cli r = Cli.run("graph", "chain", "--nodes", "1024", "--degree", "16", "--aspl-steps", "2000000000",
        "--aspl-time", "1.5");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("; [0-9,]+ proposals \\(of 2,000,000,000 proposals or 1\\.50 s\\), [0-9,]+ swaps "
        + "kept, 1 climbs, stopped by time_limit");
    assertThat(r.err()).startsWith("ASPL search: ").contains(" of 1.5 s, ", "x the Moore bound");
    assertThat(seconds).as("the search itself stops at 1.5 s").isLessThan(60);
  }

  @Test
  void showOfTheMinimumAsplGraphStopsAtTheTimeLimitToo() {
    Cli r = Cli.run("graph", "show", "--nodes", "1024", "--degree", "16", "--aspl-steps", "2000000000",
        "--aspl-time", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("min-aspl graph, n=1024 k=16 seed=1 (snapshot ", "stopped by time_limit",
        "ASPL / Moore");
    assertThat(r.err()).startsWith("ASPL search: ");
  }

  @Test
  void benchAsplMeasuresTheRatioReachedInATimeOrTheTimeToARatio() {
    Cli timed = Cli.run("bench", "aspl", "--nodes", "64", "--degree", "4", "--seeds", "2", "--ratio", "1",
        "--max-steps", "2000000000", "--time", "0.3");
    assertThat(timed.exit()).as(timed.err()).isZero();
    assertThat(timed.out()).contains("at most 2,000,000,000 proposals or 0.300 s per seed", "steps/s",
        "reached the target for 0 of 2 seeds", "ASPL/Moore median");
    assertThat(timed.out().lines().filter(l -> l.endsWith("time_limit"))).hasSize(2);

    Cli target = Cli.run("bench", "aspl", "--nodes", "32", "--degree", "4", "--seeds", "2", "--ratio", "1.2");
    assertThat(target.exit()).as(target.err()).isZero();
    assertThat(target.out()).contains("reached the target for 2 of 2 seeds");
    assertThat(target.out().lines().filter(l -> l.endsWith("target_reached"))).hasSize(2);
    assertThat(Cli.run("bench", "aspl", "--time", "-1").err()).contains("--time -1.0 must be a number of seconds >= 0");

    Cli full = Cli.run("bench", "aspl", "--nodes", "32", "--degree", "4", "--seeds", "2", "--ratio", "1.2",
        "--scoring", "full-search");
    assertThat(full.out()).contains("scoring full-search");
    assertThat(full.out().lines().filter(l -> l.endsWith("target_reached")).map(l -> l.split("\\s+")[4]))
        .as("the same proposals, whatever the scoring")
        .containsExactlyElementsOf(target.out().lines().filter(l -> l.endsWith("target_reached"))
            .map(l -> l.split("\\s+")[4]).toList());
    Cli bad = Cli.run("bench", "aspl", "--scoring", "fast");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--scoring fast is not one of auto, full-search, dynamic");
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
    "graph chain --nodes 16 --degree 4 --aspl-time -2  | --aspl-time -2.0 must be a number of seconds >= 0",
    "graph chain --nodes 16 --degree 4 --aspl-steps -1 | --aspl-steps -1 must be 0 or more",
    "graph show --nodes 16 --degree 4 --png g.png --size 60000 | --size 60000 must be in [32, 16384] pixels a side",
    "graph show --nodes 16 --degree 4 --png g.png --size 8      | --size 8 must be in [32, 16384]",
  })
  void badGraphsExitTwoNamingTheValidValues(String args, String message) {
    Cli r = Cli.run(args.trim().split("\\s+"));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }
}
