package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.FolderLayout;
import dev.prunus.data.ImageFolder;
import dev.prunus.data.Normalization;
import dev.prunus.data.ResizeRule;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's dataset in provenance.json: a catalogue dataset stays the enum name runs have always recorded
 * (so old runs read as before), an image folder is an object that reads back equal.
 */
class DatasetRefJsonTest {
  private static TrainingRunConfig config(DatasetRef d) {
    return new TrainingRunConfig(ModelId.LENET5, 1.0, List.of(), d, 0.1, new TrainingConfig(1, 32,
        new OptimizerConfig.Sgd(0.01, 0.9, false, 0), new LearningRateSchedule.Constant(), 1, false));
  }

  private static ImageFolder folder(Normalization n) {
    return new ImageFolder(Path.of("/data/shapes"), "shapes", FolderLayout.CLASS_FOLDERS, List.of("circle", "square"),
        1, 28, 28, ResizeRule.STRETCH, n, 0.2);
  }

  @Test
  void aCatalogueDatasetIsStillItsEnumNameAndOldRunsReadAsBefore() throws Exception {
    JsonNode json = Json.MAPPER.valueToTree(config(DatasetId.FASHION_MNIST));
    assertThat(json.get("dataset").isTextual()).isTrue();
    assertThat(json.get("dataset").asText()).isEqualTo("FASHION_MNIST");
    assertThat(Json.MAPPER.treeToValue(json, TrainingRunConfig.class).dataset()).isSameAs(DatasetId.FASHION_MNIST);
    ((ObjectNode) json).put("dataset", "mnist-sample"); // the command-line name is read too
    assertThat(Json.MAPPER.treeToValue(json, TrainingRunConfig.class).dataset()).isSameAs(DatasetId.MNIST_SAMPLE);
  }

  @Test
  void aProvenanceFileWrittenBeforeImageFoldersReads(@TempDir Path tmp) throws Exception {
    JsonNode config = Json.MAPPER.valueToTree(config(DatasetId.FASHION_MNIST));
    String old = "{\"kind\": \"train\", \"command\": [\"prunus\", \"train\"], \"config\": " + config + ", \"seed\": 1,"
        + " \"dataset\": {\"id\": \"fashion-mnist\", \"sha256\": \"" + "a".repeat(64) + "\", \"source\": \"cache\"},"
        + " \"versions\": {}, \"parentRun\": null, \"created\": \"2025-01-01T00:00:00Z\"}";
    Path file = Files.writeString(tmp.resolve("provenance.json"), old);
    Provenance p = Provenance.read(file);
    assertThat(TrainingRun.config(p).dataset()).isSameAs(DatasetId.FASHION_MNIST);
    assertThat(p.dataset().sha256()).isEqualTo("a".repeat(64));
    assertThat(p.dataset().normalization()).isNull();
    assertThat(p.dataset().classes()).isNull();
  }

  @Test
  void anImageFolderReadsBackEqualWithOrWithoutGivenNormalisation() throws Exception {
    for (Normalization n : new Normalization[] {null, new Normalization(new float[] {0.1307f}, new float[] {0.3081f})}) {
      TrainingRunConfig c = config(folder(n));
      String text = Json.MAPPER.writeValueAsString(c);
      JsonNode dataset = Json.MAPPER.readTree(text).get("dataset");
      assertThat(dataset.get("folder").asText()).isEqualTo(Path.of("/data/shapes").toAbsolutePath().toString());
      assertThat(dataset.get("classes").toString()).isEqualTo("[\"circle\",\"square\"]");
      assertThat(dataset.has("mean")).isEqualTo(n != null);
      TrainingRunConfig back = Json.MAPPER.readValue(text, TrainingRunConfig.class);
      assertThat(back).isEqualTo(c);
      assertThat(back.architecture().input().toString()).isEqualTo(c.architecture().input().toString());
      assertThat(back.architecture().numClasses()).isEqualTo(2);
    }
  }

  @Test
  void anImageFolderWithAnUnknownOrMissingKeyIsRefused() throws Exception {
    ObjectNode json = Json.MAPPER.valueToTree(config(folder(null)));
    ((ObjectNode) json.get("dataset")).put("colour", "blue");
    assertThatThrownBy(() -> Json.MAPPER.treeToValue(json, TrainingRunConfig.class))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasStackTraceContaining("unknown key 'colour'");
    ((ObjectNode) json.get("dataset")).remove(List.of("colour", "height"));
    assertThatThrownBy(() -> Json.MAPPER.treeToValue(json, TrainingRunConfig.class))
        .hasStackTraceContaining("needs the key 'height'");
  }
}
