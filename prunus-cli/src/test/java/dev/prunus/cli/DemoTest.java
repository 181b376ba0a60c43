package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.ImageSet;
import dev.prunus.experiment.ExperimentGrid;
import dev.prunus.experiment.ExperimentListener;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.experiment.ExperimentSpec;
import dev.prunus.experiment.MethodSpec;
import dev.prunus.experiment.RunOutcome;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.report.RunRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's pipeline with its bundled experiment file as shipped, on a few hundred synthetic
 * 28x28 images in place of Fashion-MNIST: every entry runs, the table has one line per run, the report
 * is written, and a second invocation keeps every run.
 */
class DemoTest {
  /** Class k: a bright vertical stripe at column 2 + 2k, over seeded noise. */
  private static ImageSet stripes(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[count * 28 * 28];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
      for (int p = 0; p < 28 * 28; p++) {
        px[i * 28 * 28 + p] = (float) (0.3 * r.nextDouble()) + (p % 28 == 2 + 2 * labels[i] ? 1f : 0f);
      }
    }
    return new ImageSet(1, 28, 28, px, labels, 10);
  }

  private static final Dataset DATA = new Dataset(DatasetId.FASHION_MNIST, stripes(250, 1), stripes(60, 2),
      "0".repeat(64), "synthetic");

  /** The shipped file: LeNet-5 on Fashion-MNIST, every method entry, one seed. */
  @Test
  void theBundledFileNamesEveryMethodAndTheBaselines() {
    ExperimentSpec spec = Demo.spec(MethodRegistry.standard());
    assertThat(spec.name()).isEqualTo("demo");
    assertThat(spec.models()).extracting(m -> m.cliName()).containsExactly("lenet5");
    assertThat(spec.datasets()).containsExactly(DatasetId.FASHION_MNIST);
    assertThat(spec.methods()).extracting(MethodSpec::id)
        .startsWith("magnitude", "random").contains("rgp", "small-world", "relief", "data-free");
    assertThat(ExperimentGrid.expand(spec, Path.of("x"))).hasSizeGreaterThanOrEqualTo(1 + 2 + 2 + 1 + 1 + 1 + 1);
  }

  private static RunRow only(List<RunRow> rows, String label) {
    return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void runsEveryEntryPrintsOneLinePerRunAndWritesTheReport(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("demo");
    StringWriter text = new StringWriter();
    PrintWriter o = new PrintWriter(text, true);
    ExperimentRunner.Summary s = Demo.runGrid(dir, id -> DATA, ExperimentListener.NONE, List.of("test"), o);
    List<RunRow> rows = Demo.tableAndReport(s, o, new PrintWriter(new StringWriter()));
    List<String> grid = ExperimentGrid.expand(Demo.spec(MethodRegistry.standard()), dir).stream()
        .map(r -> r.label()).toList();
    int runs = grid.size();
    assertThat(s.count(RunOutcome.Status.FINISHED)).as(s.problems().toString()).isEqualTo(runs);

    assertThat(rows).extracting(RunRow::label).containsExactlyElementsOf(grid)
        .startsWith("dense", "magnitude", "magnitude", "random", "random");
    assertThat(rows.get(0).density()).isEqualTo(1.0);
    assertThat(rows.get(1).density()).isCloseTo(0.33, within(0.01));
    assertThat(rows.get(2).density()).isCloseTo(0.1, within(0.01));
    // RGP's masked layers keep 2 of 6 groups; conv1 and fc3 (1,006 of 61,706 parameters) stay dense
    assertThat(only(rows, "rgp").number("pruning.details.masked_layers_density")).isCloseTo(1.0 / 3, within(1e-9));
    RunRow smallWorld = only(rows, "small-world");
    assertThat(smallWorld.density()).as("the parameters, as small-world counts them").isCloseTo(0.1, within(1e-4));
    assertThat(smallWorld.number("pruning.details.sigma")).isGreaterThan(1);
    assertThat(only(rows, "relief").has("run.target_density")).as("relief's density is an outcome").isFalse();
    RunRow dataFree = only(rows, "data-free");
    assertThat(dataFree.number("params.dense_total")).as("counted against the dense LeNet-5").isEqualTo(61_706);
    assertThat(dataFree.number("params.total")).as("compacted").isLessThan(61_706);
    assertThat(dataFree.density()).isLessThan(1.0);
    for (RunRow r : rows) {
      assertThat(r.testAccuracy()).as(r.id()).isBetween(0.0, 1.0);
      assertThat(r.nonzeroParams()).as(r.id()).isPositive();
      assertThat(r.seconds()).as(r.id()).isPositive();
    }

    String table = text.toString();
    String header = table.lines().filter(l -> l.startsWith("method")).findFirst().orElseThrow();
    assertThat(header).containsSubsequence("density", "test accuracy", "params", "FLOPs", "time s");
    List<String> lines = table.lines().dropWhile(l -> !l.startsWith("method")).skip(2)
        .takeWhile(l -> !l.isBlank() && !l.startsWith("density:")).toList();
    assertThat(lines).hasSize(runs);
    assertThat(lines.get(0)).matches("dense\\s+1\\.0000\\s+\\d\\.\\d{4}\\s+61,706\\s+416,520\\s+\\d+\\.\\d");
    for (int i = 0; i < runs; i++) {
      assertThat(lines.get(i)).startsWith(grid.get(i) + " ");
    }
    assertThat(table).contains(runs + " runs: " + runs + " run now, 0 finished before, 0 failed");

    Path report = dir.resolve(Demo.REPORT);
    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("<h2>Accuracy against density</h2>",
        "<h2>Relational graphs: ASPL against accuracy</h2>", "<h2>Data-free: saliency curve</h2>", "data:image/png;base64,");

    ExperimentRunner.Summary again = Demo.runGrid(dir, id -> DATA, ExperimentListener.NONE, List.of("test"),
        new PrintWriter(new StringWriter()));
    assertThat(again.count(RunOutcome.Status.SKIPPED)).as("a second invocation keeps every run").isEqualTo(runs);
  }

  /** Bad input is a usage error before anything runs: an --out that is a file. */
  @Test
  void anOutThatIsAFileIsAUsageError(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Cli r = Cli.run("demo", "--out", file.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--out " + file + " is a file");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }
}
