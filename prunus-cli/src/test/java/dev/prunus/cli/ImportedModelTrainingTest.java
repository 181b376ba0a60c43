package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bring your own model, end to end through the command line: an ONNX classifier imported, fine-tuned on
 * a dataset, pruned with compaction and fine-tuning, evaluated and exported again.
 */
class ImportedModelTrainingTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anImportedModelIsFineTunedPrunedEvaluatedAndExported(@TempDir Path tmp) throws Exception {
    // the ONNX file: a LeNet-5 trained here and exported, imported as any other file would be
    Path trained = tmp.resolve("lenet5");
    assertThat(Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--epochs", "1", "--out",
        trained.toString()).exit()).isZero();
    Path onnx = tmp.resolve("lenet5.onnx");
    Cli export = Cli.run("export", trained.toString(), "--format", "onnx", "--out", onnx.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    Path imported = tmp.resolve("imported");
    Cli imp = Cli.run("import", onnx.toString(), "--out", imported.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();

    Cli noData = Cli.run("train", "--from", imported.toString(), "--epochs", "1", "--out", tmp.resolve("x").toString());
    assertThat(noData.exit()).isEqualTo(2);
    assertThat(noData.err()).contains("holds an imported model, which has no dataset", "--dataset");
    assertThat(tmp.resolve("x")).doesNotExist();

    Path tuned = tmp.resolve("tuned");
    Cli fineTune = Cli.run("train", "--from", imported.toString(), "--dataset", "mnist-sample", "--epochs", "1",
        "--lr", "0.005", "--out", tuned.toString());
    assertThat(fineTune.exit()).as(fineTune.err()).isZero();
    JsonNode tm = JSON.readTree(tuned.resolve("metrics.json").toFile());
    JsonNode parent = JSON.readTree(trained.resolve("metrics.json").toFile());
    assertThat(tm.get("model").asText()).isEqualTo("lenet5");
    assertThat(tm.at("/accuracy/test").asDouble()).as("a second epoch from the trained weights")
        .isGreaterThan(parent.at("/accuracy/test").asDouble() - 0.02);
    JsonNode tp = JSON.readTree(tuned.resolve("provenance.json").toFile());
    assertThat(tp.get("parentRun").asText()).isEqualTo(imported.toString());
    assertThat(tp.at("/config/imported").asText()).isEqualTo("lenet5");

    Path pruned = tmp.resolve("pruned");
    Cli prune = Cli.run("prune", "--method", "l1-structured", "--from", imported.toString(), "--dataset",
        "mnist-sample", "--sparsity", "0.5", "--compact", "--fine-tune-epochs", "1", "--out", pruned.toString());
    assertThat(prune.exit()).as(prune.err()).isZero();
    JsonNode pm = JSON.readTree(pruned.resolve("metrics.json").toFile());
    assertThat(pm.at("/pruning/compaction/params_after").asLong())
        .isLessThan(pm.at("/pruning/compaction/params_before").asLong());
    assertThat(pm.at("/accuracy/test").asDouble()).isGreaterThan(0.5);

    Cli evalImport = Cli.run("eval", imported.toString(), "--dataset", "mnist-sample");
    assertThat(evalImport.exit()).as(evalImport.err()).isZero();
    assertThat(evalImport.out()).as("the imported file computes what the trained run did").contains(
        String.format(java.util.Locale.ROOT, "test        accuracy %.4f", parent.at("/accuracy/test").asDouble()));

    Cli eval = Cli.run("eval", pruned.toString());
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).contains(String.format(java.util.Locale.ROOT, "test        accuracy %.4f",
        pm.at("/accuracy/test").asDouble()));

    Path fromTuned = tmp.resolve("pruned-from-tuned");
    Cli again = Cli.run("prune", "--method", "magnitude", "--from", tuned.toString(), "--density", "0.2", "--out",
        fromTuned.toString());
    assertThat(again.exit()).as(again.err()).isZero();

    Cli bench = Cli.run("bench", "train", "--from", imported.toString(), "--dataset", "mnist-sample", "--epochs", "1");
    assertThat(bench.exit()).as(bench.err()).isZero();
    assertThat(bench.out()).contains("lenet5 (" + imported + ") on mnist-sample", "all epochs:", "images/s");
    Cli badBench = Cli.run("bench", "train", "--from", imported.toString(), "--dataset", "cifar10", "--epochs", "1");
    assertThat(badBench.exit()).isEqualTo(2);
    assertThat(badBench.err()).contains("takes 1x28x28 images", "--image-size 28x28 --channels 1");

    Path back = tmp.resolve("pruned.onnx");
    Cli out = Cli.run("export", pruned.toString(), "--format", "onnx", "--out", back.toString());
    assertThat(out.exit()).as(out.err()).isZero();
    assertThat(back).isNotEmptyFile();
  }
}
