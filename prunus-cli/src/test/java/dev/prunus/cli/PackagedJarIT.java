package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as a separate process the way {@code ./prunus} runs it: its manifest class path,
 * the engine settings and the exit path (output flushed before the JVM exits).
 */
class PackagedJarIT {
  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("prunus.jar")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }

  record Result(int exit, String out, String err) {}

  @Test
  void infoPrintsItsWholeTableFromThePackagedJar() throws Exception {
    Result r = run("info", "--model", "resnet56");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^total\\s+848,954").contains("batch-norm parameters");
  }

  /** The ONNX commands need protobuf-java on the jar's class path (target/lib). */
  @Test
  void importAndExportRunFromThePackagedJar(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    ImportExportCommandTest.resnet20(tmp);
    Result i = run("import", tmp.resolve("resnet20.onnx").toString(), "--out", tmp.resolve("run").toString());
    assertThat(i.exit()).as(i.err()).isZero();
    Result e = run("export", tmp.resolve("run").toString(), "--out", tmp.resolve("back.onnx").toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(tmp.resolve("back.onnx")).exists();
  }

  @Test
  void badInputExitsTwoFromThePackagedJar() throws Exception {
    Result r = run("info", "--model", "alexnet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'alexnet'");
  }
}
