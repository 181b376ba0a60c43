package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-free commands end to end on the real mnist-sample: prune with --auto (the run says where it
 * stopped and holds the saliency curve as CSV and PNG), the sweep, and the benchmark.
 */
class DataFreeCommandsTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pruneAutoThenSweep(@TempDir Path tmp) throws Exception {
    Path dense = tmp.resolve("dense");
    Cli t = Cli.run("train", "--model", "lenet5-caffe", "--width", "0.25", "--dataset", "mnist-sample", "--epochs", "1",
        "--out", dense.toString());
    assertThat(t.exit()).as(t.err()).isZero();

    Path auto = tmp.resolve("auto");
    Cli p = Cli.run("prune", "--method", "data-free", "--from", dense.toString(), "--density", "1", "--auto",
        "--compact", "--out", auto.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    JsonNode m = JSON.readTree(auto.resolve("metrics.json").toFile());
    int knee = m.at("/pruning/details/layers/fc1/knee").asInt();
    assertThat(m.at("/pruning/details/layers/fc1/removed").asInt()).isEqualTo(knee).isPositive();
    assertThat(p.out()).contains("fc1: " + knee + " of 125 alive neurons merged away (stopped at the knee)");
    // compacted: fc1 lost its merged rows, fc2 the matching columns; 13 channels x 4 x 4 = 208 inputs
    assertThat(m.get("layers").get(2).get("shape").toString()).isEqualTo("[" + (125 - knee) + ",208]");
    assertThat(m.at("/pruning/compaction/max_abs_output_difference").asDouble()).isLessThan(1e-4);
    assertThat(Files.readAllLines(auto.resolve("saliency.csv"))).hasSize(125).first()
        .isEqualTo("layer,step,saliency,removed");
    assertThat(Files.size(auto.resolve("saliency.png"))).isPositive();

    Path sweep = tmp.resolve("sweep");
    Cli s = Cli.run("sweep", "--from", dense.toString(), "--counts", "0,60,120", "--seeds", "2", "--out", sweep.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.out()).contains("fc1 removed  kept  params removed  data-free  random-neuron", "data-free --auto: knee");
    for (String f : new String[] {"sweep.csv", "sweep.txt", "sweep.png", "saliency.csv", "saliency.png", "metrics.json"}) {
      assertThat(sweep.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(sweep.resolve("sweep.txt"))).isEqualTo(s.out().substring(s.out().indexOf("dense:"),
        s.out().indexOf("wrote ")));

    Cli bad = Cli.run("sweep", "--from", dense.toString(), "--counts", "0,125", "--out", tmp.resolve("bad").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("up to 124");
  }

  @Test
  void benchDataFreePrintsThePhases() {
    Cli b = Cli.run("bench", "data-free", "--neurons", "64", "--inputs", "30", "--outputs", "8");
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("64 neurons x 30 inputs", "remove 32", "[32, 30]");
    Cli bad = Cli.run("bench", "data-free", "--neurons", "64", "--remove", "64");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--remove 64 must be in [0, 63]");
  }
}
