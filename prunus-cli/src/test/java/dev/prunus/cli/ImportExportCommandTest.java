package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.onnx.OnnxExport;
import dev.prunus.onnx.OnnxImport;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import dev.prunus.run.ImportConfig;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prunus import} and {@code prunus export} as a user runs them: an ONNX file becomes a run that
 * {@code info} reads and {@code export} writes back, in both formats; bad input exits 2 naming it, with
 * nothing written.
 */
class ImportExportCommandTest {
  /** ResNet-20 with seeded weights, as an ONNX file named resnet20.onnx. */
  static Model resnet20(Path dir) {
    var a = ModelId.RESNET20.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 3));
    OnnxExport.write(m, dir.resolve("resnet20.onnx"));
    return m;
  }

  private static String[] entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void anImportedRunIsShownByInfoAndExportedInBothFormats(@TempDir Path tmp) throws Exception {
    Model m = resnet20(tmp);
    Path run = tmp.resolve("run");
    Cli r = Cli.run("import", tmp.resolve("resnet20.onnx").toString(), "--out", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported " + tmp.resolve("resnet20.onnx") + " (prunus 0.", "opset 14",
        "268,346 parameters (+1,376 batch norm)", "input 3x32x32, 10 classes -> " + run);
    Provenance p = Provenance.read(run.resolve(RunDirectory.PROVENANCE));
    assertThat(p.kind()).isEqualTo("import");
    assertThat(p.configAs(ImportConfig.class).sha256()).hasSize(64);
    assertThat(p.configAs(ImportConfig.class).batch()).isNull();

    Cli info = Cli.run("info", run.toString());
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("resnet20, input 3x32x32, 10 classes").containsPattern("(?m)^total\\s+268,346");

    Path onnx = tmp.resolve("out").resolve("again.onnx");
    Cli e = Cli.run("export", run.toString(), "--out", onnx.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(OnnxImport.read(onnx).model().weights()).isEqualTo(m.weights());

    Path st = tmp.resolve("weights.safetensors");
    Cli s = Cli.run("export", run.toString(), "--format", "safetensors", "--out", st.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.out()).contains("wrote " + st + " (safetensors, resnet20, ");
    assertThat(new String(Files.readAllBytes(st), 8, 200, StandardCharsets.UTF_8)).contains("\"conv1.weight\"");
  }

  @Test
  void benchOnnxTimesEachStepAndCompacts(@TempDir Path tmp) {
    resnet20(tmp);
    Cli r = Cli.run("bench", "onnx", tmp.resolve("resnet20.onnx").toString(), "--repeat", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("read  import    plan    mask  compact  export  import+compact")
        .containsPattern("(?m)^  1 .* 0\\.\\d{3}  0\\.\\d{3}$");
    Cli bad = Cli.run("bench", "onnx", tmp.resolve("resnet20.onnx").toString(), "--repeat", "0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--repeat 0 must be at least 1");
  }

  @Test
  void classesReplacesTheClassifierFromTheSeed(@TempDir Path tmp) throws Exception {
    resnet20(tmp);
    Path run = tmp.resolve("run");
    Cli r = Cli.run("import", tmp.resolve("resnet20.onnx").toString(), "--classes", "3", "--seed", "4", "--out",
        run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 classes (classifier fc replaced: 10 -> 3)");
    assertThat(RunDirectory.open(run).readModel().architecture().numClasses()).isEqualTo(3);
    ImportConfig c = Provenance.read(run.resolve(RunDirectory.PROVENANCE)).configAs(ImportConfig.class);
    assertThat(c.head()).isEqualTo(new ImportConfig.HeadReplacement("fc", 10, 4));
    assertThat(c.numClasses()).isEqualTo(3);
  }

  @Test
  void badFilesExitTwoNamingThemAndWriteNothing(@TempDir Path tmp) throws Exception {
    Path text = Files.writeString(tmp.resolve("model.onnx"), "not a model");
    Cli r = Cli.run("import", text.toString(), "--out", tmp.resolve("run").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("prunus: error: " + text + " is not an ONNX model");

    resnet20(tmp);
    ModelProto p = dev.prunus.onnx.OnnxFile.read(tmp.resolve("resnet20.onnx"));
    var graph = p.getGraph().toBuilder();
    graph.setNode(3, graph.getNode(3).toBuilder().setOpType("LRN"));
    Path lrn = Files.write(tmp.resolve("lrn.onnx"), p.toBuilder().setGraph(graph).build().toByteArray());
    Cli u = Cli.run("import", lrn.toString(), "--out", tmp.resolve("run").toString());
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err()).contains("(LRN) is not supported", "Prunus imports Conv, Gemm");
    assertThat(entries(tmp)).containsExactly("lrn.onnx", "model.onnx", "resnet20.onnx");

    Cli c = Cli.run("import", tmp.resolve("resnet20.onnx").toString(), "--classes", "0", "--out",
        tmp.resolve("run").toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).contains("--classes 0 must be a positive number of classes");
    assertThat(entries(tmp)).containsExactly("lrn.onnx", "model.onnx", "resnet20.onnx");
  }

  @Test
  void anOutputThatCannotBeWrittenIsRefusedBeforeAnythingIsRead(@TempDir Path tmp) throws Exception {
    resnet20(tmp);
    Path run = tmp.resolve("run");
    assertThat(Cli.run("import", tmp.resolve("resnet20.onnx").toString(), "--out", run.toString()).exit()).isZero();
    Cli again = Cli.run("import", tmp.resolve("resnet20.onnx").toString(), "--out", run.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("--out " + run + " already holds a finished run");

    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli e = Cli.run("export", run.toString(), "--out", file.resolve("model.onnx").toString());
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("--out " + file.resolve("model.onnx") + " cannot be written");
    Cli d = Cli.run("export", run.toString(), "--out", tmp.toString());
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err()).contains("--out " + tmp + " is a directory: give the name of a file to write");
    Cli f = Cli.run("export", run.toString(), "--format", "pdf", "--out", tmp.resolve("m.pdf").toString());
    assertThat(f.exit()).isEqualTo(2);
    assertThat(f.err()).contains("unknown export format 'pdf': valid export formats are onnx, safetensors");
    Cli n = Cli.run("export", tmp.toString(), "--out", tmp.resolve("m.onnx").toString());
    assertThat(n.exit()).isEqualTo(2);
    assertThat(n.err()).contains("is not a finished Prunus run");
    assertThat(entries(tmp)).containsExactly("file", "resnet20.onnx", "run");
  }
}
