package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a command writes is checked before it works, and what {@code report} reads is checked before it
 * is shown: each refusal exits 2, names the option or file, and leaves nothing written.
 */
class OutputChecksTest {
  /** A finished run as far as a report reads it (keys of {@code RunRow.checked}). */
  private static Path finishedRun(Path tmp) throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("provenance.json"), "{\"kind\": \"prune\", \"command\": [\"prunus\"]}");
    Files.writeString(run.resolve("metrics.json"), """
        {"model": "lenet5", "dataset": "fashion-mnist", "method": "magnitude", "seed": 1,
         "accuracy": {"test": 0.875}, "params": {"total": 61706, "nonzero": 6171, "density": 0.1},
         "flops": {"dense": 416520, "masked": 41652}, "timing": {"train_s": 3.5, "prune_s": 0.1}}
        """);
    return run;
  }

  @Test
  void aReportOfAGoodRunIsWritten(@TempDir Path tmp) throws Exception {
    Cli r = Cli.run("report", finishedRun(tmp).toString(), "--out", tmp.resolve("r.html").toString(),
        "--charts", tmp.resolve("charts").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(tmp.resolve("r.html")).exists();
    assertThat(tmp.resolve("charts")).isNotEmptyDirectory();
  }

  @Test
  void reportOutIsADirectory(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("reports"));
    Cli r = Cli.run("report", finishedRun(tmp).toString(), "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("--out " + dir + " is a directory: give the name of a file to write");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void reportOutCannotBeWritten(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli r = Cli.run("report", finishedRun(tmp).toString(), "--out", file.resolve("r.html").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("--out " + file.resolve("r.html") + " cannot be written");
  }

  /** Before, the HTML was written and then the charts failed: now neither is. */
  @Test
  void reportChartsIsAFile(@TempDir Path tmp) throws Exception {
    Path charts = Files.writeString(tmp.resolve("charts"), "x");
    Cli r = Cli.run("report", finishedRun(tmp).toString(), "--out", tmp.resolve("r.html").toString(),
        "--charts", charts.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("--charts " + charts + " is a file, not a directory");
    assertThat(tmp.resolve("r.html")).doesNotExist();
  }

  @Test
  void reportOfAnEmptyMetricsFileNamesIt(@TempDir Path tmp) throws Exception {
    Path run = finishedRun(tmp);
    Files.writeString(run.resolve("metrics.json"), "");
    Cli r = Cli.run("report", run.toString(), "--out", tmp.resolve("r.html").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(run.resolve("metrics.json") + " is empty");
    assertThat(tmp.resolve("r.html")).doesNotExist();
  }

  @Test
  void reportOfAWrongTypedMetricsFileNamesTheKey(@TempDir Path tmp) throws Exception {
    Path run = finishedRun(tmp);
    Files.writeString(run.resolve("metrics.json"),
        Files.readString(run.resolve("metrics.json")).replace("\"test\": 0.875", "\"test\": [0.875]"));
    Cli r = Cli.run("report", run.toString(), "--out", tmp.resolve("r.html").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(run.resolve("metrics.json").toString(), "accuracy.test is missing");
  }

  /** The graph is not made (a min-ASPL search on 512 nodes takes seconds) when its drawing cannot be saved. */
  @Test
  void graphPngAndCsvAreCheckedFirst(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("pictures"));
    Cli png = Cli.run("graph", "show", "--nodes", "512", "--degree", "8", "--png", dir.toString());
    assertThat(png.exit()).as(png.err()).isEqualTo(2);
    assertThat(png.err()).contains("--png " + dir + " is a directory");
    assertThat(png.out()).isEmpty();
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli under = Cli.run("graph", "show", "--nodes", "512", "--degree", "8", "--png", file.resolve("g.png").toString());
    assertThat(under.exit()).as(under.err()).isEqualTo(2);
    assertThat(under.err()).contains("--png " + file.resolve("g.png") + " cannot be written");
    Cli csv = Cli.run("graph", "chain", "--nodes", "512", "--degree", "8", "--csv", dir.toString());
    assertThat(csv.exit()).as(csv.err()).isEqualTo(2);
    assertThat(csv.err()).contains("--csv " + dir + " is a directory");
    assertThat(csv.out()).isEmpty();
  }
}
