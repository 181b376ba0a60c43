package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prunus bench infer}: the forms it times, what it writes, and how the report shows it. */
class InferBenchTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStructurallyPrunedRunIsTimedDenseMaskedCompactedAndSparseAndTheReportShowsIt(@TempDir Path tmp) throws Exception {
    Path parent = tmp.resolve("mlp");
    assertThat(Cli.run("train", "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample", "--epochs",
        "1", "--out", parent.toString()).exit()).isZero();
    Path pruned = tmp.resolve("l1");
    Cli p = Cli.run("prune", "--method", "l1-structured", "--from", parent.toString(), "--sparsity", "0.5", "--out",
        pruned.toString());
    assertThat(p.exit()).as(p.err()).isZero();

    Cli r = Cli.run("bench", "infer", pruned.toString(), "--batch", "1,2", "--repetitions", "3", "--warmup", "1",
        "--runtime", "libtorch,java-csr,onnxruntime", "--threads", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode infer = JSON.readTree(pruned.resolve("infer.json").toFile());
    List<String> seen = new ArrayList<>();
    for (JsonNode m : infer.get("measurements")) {
      seen.add(m.get("form").asText() + "/" + m.get("engine").asText() + "/" + m.get("batch").asInt());
      assertThat(m.get("median_ms").asDouble()).isPositive();
      assertThat(m.get("p90_ms").asDouble()).isGreaterThanOrEqualTo(m.get("median_ms").asDouble());
    }
    assertThat(seen).containsExactlyInAnyOrder("dense/libtorch/1", "masked/libtorch/1", "compacted/libtorch/1",
        "masked/java-csr/1", "dense/libtorch/2", "masked/libtorch/2", "compacted/libtorch/2", "masked/java-csr/2",
        "dense/onnxruntime/1", "masked/onnxruntime/1", "compacted/onnxruntime/1", "dense/onnxruntime/2",
        "masked/onnxruntime/2", "compacted/onnxruntime/2");
    assertThat(infer.at("/measured_speedup/libtorch/2").asDouble()).isPositive();
    assertThat(infer.at("/measured_speedup/java-csr/1").asDouble()).isPositive();
    assertThat(infer.at("/measured_speedup/onnxruntime/2").asDouble()).isPositive();
    assertThat(infer.get("threads").asInt()).isOne();
    assertThat(infer.get("structured_speedup").asDouble()).as("half the hidden units gone").isGreaterThan(1.5);
    assertThat(r.out()).contains("l1  compacted  libtorch  2");

    Path html = tmp.resolve("report.html");
    Cli report = Cli.run("report", pruned.toString(), "--out", html.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    String page = java.nio.file.Files.readString(html);
    assertThat(page).contains("measured speed-up", "structured speed-up")
        .contains(String.format(java.util.Locale.ROOT, "%.2fx", infer.at("/measured_speedup/libtorch/2").asDouble()));
  }

  @Test
  void anUnknownRuntimeOrANonRunIsRefused(@TempDir Path tmp) {
    Cli r = Cli.run("bench", "infer", tmp.toString(), "--skip-engine-check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("holds no model.prunus and no runs/");
    Cli e = Cli.run("bench", "infer", tmp.toString(), "--runtime", "tensorrt", "--skip-engine-check");
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("unknown --runtime 'tensorrt'", "libtorch, java-csr, onnxruntime");
    Cli t = Cli.run("bench", "infer", tmp.toString(), "--threads", "0", "--skip-engine-check");
    assertThat(t.exit()).isEqualTo(2);
    assertThat(t.err()).contains("--threads 0 must be in [1, 1024]");
  }

  @Test
  void benchSparseTimesEveryDensityAndSaysWhereTheSparsePathWins() {
    Cli r = Cli.run("bench", "sparse", "--densities", "0.02,0.5", "--repetitions", "3", "--warmup", "1",
        "--skip-engine-check");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^\\s+0\\.020\\s+\\d+\\.\\d+\\s+\\d+\\.\\d+\\s+\\d+\\.\\d+x$")
        .containsPattern("(?m)^\\s+0\\.500\\s")
        .containsPattern("the sparse path (beat dense up to density|was slower than dense at every density)");
    Cli conv = Cli.run("bench", "sparse", "--model", "lenet5", "--skip-engine-check");
    assertThat(conv.exit()).isEqualTo(2);
    assertThat(conv.err()).contains("is not fully connected");
  }
}
