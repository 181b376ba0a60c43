package dev.prunus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a report reads is checked: a damaged metrics.json or results.json is refused, never a row of NaN. */
class ReportRunsTest {
  /** The least a finished run's metrics.json holds for a report: every key {@link RunRow#checked} asks for. */
  static final String METRICS = """
      {"model": "lenet5", "dataset": "fashion-mnist", "method": "magnitude", "seed": 1,
       "accuracy": {"test": 0.875, "validation": 0.88},
       "params": {"total": 61706, "nonzero": 6171, "density": 0.1},
       "flops": {"dense": 416520, "masked": 41652},
       "timing": {"train_s": 3.5, "prune_s": 0.1}}
      """;

  @Test
  void aCompleteRunIsReadWithItsNumbers(@TempDir Path tmp) throws Exception {
    Path run = run(tmp, METRICS);
    RunRow row = ReportRuns.read(List.of(run)).get(0);
    assertThat(row.testAccuracy()).isEqualTo(0.875);
    assertThat(row.density()).isEqualTo(0.1);
    assertThat(row.maskedFlops()).isEqualTo(41_652);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "empty file      | ''     | metrics.json is empty",
    "a list          | [1, 2] | metrics.json is not a JSON object",
    "an empty object | {}     | model is missing, dataset is missing, accuracy.test is missing",
  })
  void anEmptyOrForeignMetricsFileIsRefusedNamingIt(String name, String metrics, String why, @TempDir Path tmp)
      throws Exception {
    Path run = run(tmp, metrics);
    assertThatThrownBy(() -> ReportRuns.read(List.of(run))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(run.resolve("metrics.json").toString()).hasMessageContaining(why);
  }

  @Test
  void wrongTypesAreRefusedNamingEachKey(@TempDir Path tmp) throws Exception {
    Path run = run(tmp, METRICS.replace("\"test\": 0.875", "\"test\": \"high\"").replace("\"params\": {", "\"params\": 3, \"x\": {"));
    assertThatThrownBy(() -> ReportRuns.read(List.of(run))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(run.resolve("metrics.json") + " is not a finished run's metrics as Prunus writes them: "
            + "accuracy.test is not a number (\"high\"), params.total is missing, params.nonzero is missing, "
            + "params.density is missing");
  }

  @Test
  void aDamagedResultsRowIsRefusedNamingTheRun(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("results.json"), "[{\"run.id\": \"dense/a\", \"model\": \"lenet5\"}]");
    assertThatThrownBy(() -> ReportRuns.read(List.of(tmp))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("results.json (run 1, dense/a) is not a finished run's metrics")
        .hasMessageContaining("dataset is missing");
    Files.writeString(tmp.resolve("results.json"), "[3]");
    assertThatThrownBy(() -> ReportRuns.read(List.of(tmp))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds 3 where a run's row (a JSON object) belongs");
  }

  private static Path run(Path tmp, String metrics) throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("provenance.json"), "{\"kind\": \"prune\", \"command\": [\"prunus\"]}");
    Files.writeString(run.resolve("metrics.json"), metrics);
    return run;
  }
}
