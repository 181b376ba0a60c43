package dev.prunus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.run.NeuronSweep;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.SaliencyCurve;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep table (means and ranges over seeds, shares as percent) and the two PNG charts. */
class NeuronSweepReportTest {
  private static NeuronSweep.Point p(String method, long seed, int removed, double share, double acc) {
    return new NeuronSweep.Point(method, seed, removed, 500 - removed, 0, share, acc, acc);
  }

  private static final NeuronSweep.Result RESULT = new NeuronSweep.Result(new RunDirectory(Path.of("x")), "fc1", 500,
      431_080, 0.97, List.of(
          p("data-free", 1, 0, 0, 0.97), p("data-free", 1, 450, 0.8466, 0.9),
          p("random-neuron", 1, 0, 0, 0.97), p("random-neuron", 1, 450, 0.8466, 0.5),
          p("random-neuron", 2, 0, 0, 0.97), p("random-neuron", 2, 450, 0.8466, 0.7)),
      p("data-free --auto", 1, 300, 0.5644, 0.95),
      new SaliencyCurve("fc1", List.of(0.0, 0.1, 0.2, 5.0), 300, 3));

  /** One row per count; a seeded method shows its mean over seeds with the range; --auto's drop is said. */
  @Test
  void theTableAveragesSeedsAndStatesTheAutoDrop() {
    String t = NeuronSweepTable.render(RESULT);
    assertThat(t).contains("fc1 removed  kept  params removed  data-free  random-neuron");
    assertThat(t).containsPattern("(?m)^\\s+450\\s+50\\s+84\\.7%\\s+0\\.9000\\s+0\\.6000 \\(0\\.5000-0\\.7000\\)$");
    assertThat(t).containsPattern("(?m)^\\s+0\\s+500\\s+0\\.0%\\s+0\\.9700\\s+0\\.9700 \\(0\\.9700-0\\.9700\\)$");
    assertThat(t).contains("dense: 431,080 parameters, test accuracy 0.9700");
    assertThat(t).contains("knee of the saliency curve at 300 of 500 neurons removed (56.4% of the parameters), "
        + "test accuracy 0.9500, a drop of 0.0200");
  }

  @Test
  void chartsAreWrittenAsPngs(@TempDir Path dir) throws Exception {
    Path sweep = dir.resolve("sweep.png");
    Path saliency = dir.resolve("saliency.png");
    Charts.sweep(sweep, RESULT);
    Charts.saliency(saliency, List.of(RESULT.saliency()));
    for (Path png : List.of(sweep, saliency)) {
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(img).as(png.toString()).isNotNull();
      assertThat(img.getWidth()).isEqualTo(900);
      assertThat(img.getHeight()).isEqualTo(560);
    }
  }
}
