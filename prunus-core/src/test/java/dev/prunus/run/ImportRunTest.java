package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.InvalidInputException;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported model's run directory ({@code prunus import}): provenance of kind import with its
 * {@link ImportConfig}, a model file the run's cross-checks accept (a compacted descendant too, another
 * import's not), and metrics with its counts; a directory that holds a run is refused, nothing written.
 */
class ImportRunTest {
  private static Model model() {
    var a = ModelId.LENET5.build();
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
  }

  private static ImportConfig config(String sha256) {
    return new ImportConfig("onnx", "/models/lenet5.onnx", sha256, "pytorch 1.13.0", 13, ModelId.LENET5.standardInput(),
        null, 10, "lenet5", null);
  }

  @Test
  void writesProvenanceTheModelAndItsCounts(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    ImportRun.write(out, model(), config("a".repeat(64)), 1, List.of("prunus", "import"), s -> { });
    RunDirectory run = RunDirectory.open(out);
    Provenance p = Provenance.read(run.provenance());
    assertThat(p.kind()).isEqualTo("import");
    assertThat(p.configAs(ImportConfig.class)).isEqualTo(config("a".repeat(64)));
    assertThat(p.dataset()).isNull();
    assertThat(run.readModel()).isEqualTo(model());
    JsonNode metrics = Json.MAPPER.readTree(run.metrics().toFile());
    assertThat(metrics.at("/params/total").asLong()).isEqualTo(ModelCounter.count(model()).params());
    assertThat(metrics.at("/flops/dense").asLong()).isEqualTo(ModelCounter.count(model()).denseFlops());
    assertThat(metrics.get("method").asText()).isEqualTo("import");
    assertThat(run.isFinished()).isTrue();
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("provenance.json", "model.prunus", "metrics.json", RunLock.FILE);
    }
    assertThatThrownBy(() -> ImportRun.write(out, model(), config("a".repeat(64)), 1, List.of(), s -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already holds a finished run");
  }

  @Test
  void theRunsChecksAcceptItsCompactedModelAndRefuseAnotherImports(@TempDir Path tmp) {
    Path out = tmp.resolve("run");
    RunDirectory run = ImportRun.write(out, model(), config("a".repeat(64)), 1, List.of("prunus", "import"), s -> { });
    Model compact = Compactor.compact(MaskApplier.apply(model(), MethodRegistry.standard().create("l1-structured",
        Map.of()).plan(model(), PruningContext.withoutData(PruningTarget.ofSparsity(0.5), 1))));
    Path file = out.resolve("compact.prunus");
    ModelFile.write(file, compact, Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), config("a".repeat(64))));
    assertThat(run.readModelFile(file).model().architecture().name()).isEqualTo("lenet5-compact");

    Path other = tmp.resolve("other");
    ImportRun.write(other, model(), config("b".repeat(64)), 1, List.of("prunus", "import"), s -> { });
    Path copied = out.resolve(RunDirectory.MODEL);
    try {
      Files.copy(other.resolve(RunDirectory.MODEL), copied, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(run::readModel).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(copied + " does not belong to its run: " + run.provenance() + " records the import of "
            + "/models/lenet5.onnx as lenet5 (imported from a file of SHA-256 " + "b".repeat(64) + ", not "
            + "a".repeat(64) + ")");
  }

  @Test
  void aRefusedDirectoryIsLeftAsItWas(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(out.resolve("readme.txt"), "mine");
    assertThatThrownBy(() -> ImportRun.write(out, model(), config("a".repeat(64)), 1, List.of(), s -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a Prunus run");
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("readme.txt");
    }
  }
}
