package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine check and --init through the command line: what provenance records, and what is refused. */
class EngineAndInitTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void initAndTheCheckedAlgorithmAreRecordedAndAnInitWithFromIsRefused(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    Cli r = Cli.run("train", "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample",
        "--epochs", "1", "--init", "torch-default", "--out", a.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode p = JSON.readTree(a.resolve("provenance.json").toFile());
    assertThat(p.at("/config/init").asText()).isEqualTo("TORCH_DEFAULT");
    assertThat(p.at("/versions/convolution").asText()).endsWith("(engine check passed)");
    assertThat(p.at("/versions/cpu").asText()).isNotBlank();
    Model initial = ModelFile.read(a.resolve("initial.prunus"));
    float[] bias = initial.weights().get("fc1.bias").data();
    assertThat(bias).as("torch-default draws biases too").doesNotContain(0f);
    for (float b : bias) {
      assertThat(Math.abs(b)).isLessThanOrEqualTo((float) (1 / Math.sqrt(784)));
    }

    Cli fromWithInit = Cli.run("prune", "--method", "magnitude", "--from", a.toString(), "--density", "0.5",
        "--init", "xavier-uniform", "--out", tmp.resolve("b").toString());
    assertThat(fromWithInit.exit()).isEqualTo(2);
    assertThat(fromWithInit.err()).contains("--init", "--from RUN starts from the parent's weights");
    assertThat(tmp.resolve("b")).doesNotExist();

    Path skipped = tmp.resolve("skipped");
    Cli s = Cli.run("train", "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample",
        "--epochs", "0", "--skip-engine-check", "--out", skipped.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(JSON.readTree(skipped.resolve("provenance.json").toFile()).at("/versions/convolution").asText())
        .isEqualTo("padded (engine check skipped)");
  }

  @Test
  void unknownInitsAndAlgorithmsListTheValidNames(@TempDir Path tmp) {
    Cli init = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--init", "he", "--out",
        tmp.resolve("x").toString());
    assertThat(init.exit()).isEqualTo(2);
    assertThat(init.err()).contains("'he'", "valid initialisations are kaiming-normal, kaiming-uniform, xavier-uniform, torch-default");
    Cli alg = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--conv-algorithm", "fast", "--out",
        tmp.resolve("y").toString());
    assertThat(alg.exit()).isEqualTo(2);
    assertThat(alg.err()).contains("'fast'", "valid algorithms are padded, onednn, native");
    assertThat(tmp.resolve("x")).doesNotExist();
    assertThat(tmp.resolve("y")).doesNotExist();
  }

  @Test
  void benchEngineChecksEveryAlgorithm() {
    Cli r = Cli.run("bench", "engine");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CPU: ").containsPattern("(?m)^padded\\s+(right|WRONG)")
        .containsPattern("(?m)^onednn\\s+(right|WRONG)").containsPattern("(?m)^native\\s+right");
  }
}
