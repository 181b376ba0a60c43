package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dataset folder:PATH} end to end through the command line, on a folder this test draws: 300
 * colour images of horizontal or vertical stripes (random colours, widths and phases from a fixed seed),
 * 36x36, in two class folders, a fifth of them JPEG. LeNet-5 trained one epoch on them at 28x28 grey tells
 * the two apart; eval reproduces the run's numbers; a killed run resumes; a changed folder is refused.
 */
class FolderDatasetTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path data;
  static Path stripes;

  @BeforeAll
  static void drawStripes() throws IOException {
    stripes = data.resolve("stripes");
    SplittableRandom rng = new SplittableRandom(15);
    for (int i = 0; i < 300; i++) {
      boolean vertical = i % 2 == 1;
      int width = 2 + rng.nextInt(4);
      int phase = rng.nextInt(2 * width);
      int ink = rng.nextInt(0x1000000);
      int paper = ink ^ 0xc0c0c0;
      BufferedImage image = new BufferedImage(36, 36, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 36; y++) {
        for (int x = 0; x < 36; x++) {
          int t = (vertical ? x : y) + phase;
          image.setRGB(x, y, (t / width) % 2 == 0 ? ink : paper);
        }
      }
      String format = i % 5 == 0 ? "jpg" : "png";
      Path file = stripes.resolve(vertical ? "vertical" : "horizontal").resolve(String.format(Locale.ROOT, "%03d.%s", i,
          format));
      Files.createDirectories(file.getParent());
      ImageIO.write(image, format, file.toFile());
    }
  }

  /** {@code prunus train} with lenet5 on the stripes at 28x28 grey, then {@code more}. */
  private static String[] train(String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--model", "lenet5", "--dataset",
        "folder:" + stripes, "--image-size", "28x28", "--channels", "1", "--batch-size", "16", "--seed", "1"));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void trainEvalAndInfoOnAFolderOfImages(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Cli r = Cli.run(train("--epochs", "1", "--out", run.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile());
    assertThat(m.get("dataset").asText()).isEqualTo("folder:" + stripes.toAbsolutePath());
    assertThat(m.get("input").asText()).isEqualTo("1x28x28");
    assertThat(m.at("/data/classes").toString()).isEqualTo("[\"horizontal\",\"vertical\"]");
    assertThat(m.at("/data/normalization/mean")).hasSize(1);
    assertThat(m.at("/accuracy/test").asDouble()).isGreaterThan(0.9);
    JsonNode p = JSON.readTree(run.resolve("provenance.json").toFile());
    assertThat(p.at("/dataset/sha256").asText()).hasSize(64).isEqualTo(m.at("/data/sha256").asText());
    assertThat(p.at("/dataset/classes").toString()).isEqualTo("[\"horizontal\",\"vertical\"]");
    assertThat(p.at("/dataset/normalization")).isEqualTo(m.at("/data/normalization"));
    assertThat(p.at("/config/dataset/height").asInt()).isEqualTo(28);
    assertThat(p.at("/config/dataset/layout").asText()).isEqualTo("class-folders");
    assertThat(p.at("/config/dataset/mean").isMissingNode()).isTrue(); // measured, not given

    Cli eval = Cli.run("eval", run.toString());
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("lenet5 on folder:" + stripes.toAbsolutePath(), String.format(Locale.ROOT,
        "test        accuracy %.4f", m.at("/accuracy/test").asDouble()), "(60 images)");

    Path pruned = tmp.resolve("pruned");
    Cli prune = Cli.run("prune", "--method", "magnitude", "--from", run.toString(), "--density", "0.5",
        "--fine-tune-epochs", "1", "--out", pruned.toString());
    assertThat(prune.exit()).as(prune.err()).isZero();
    JsonNode pm = JSON.readTree(pruned.resolve("metrics.json").toFile());
    assertThat(pm.get("dataset")).isEqualTo(m.get("dataset"));
    assertThat(pm.get("data")).isEqualTo(m.get("data"));
    assertThat(pm.at("/params/density").asDouble()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
    Cli both = Cli.run("prune", "--method", "magnitude", "--from", run.toString(), "--density", "0.5",
        "--image-size", "32x32", "--out", tmp.resolve("never").toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--from takes the model and dataset of the parent run");

    Cli info = Cli.run("info", "--model", "lenet5", "--dataset", "folder:" + stripes, "--image-size", "32x32");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("input 3x32x32, 2 classes");

    Cli datasets = Cli.run("datasets");
    assertThat(datasets.out()).contains("folder:PATH", "--image-size HxW");
  }

  @Test
  void aKilledRunResumesAndAChangedFolderIsRefused(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("killed");
    String[] options = train("--epochs", "2");
    KilledTraining.afterEpoch1(run, java.util.Arrays.copyOfRange(options, 1, options.length));
    Cli resume = Cli.run("train", "--resume", "--out", run.toString());
    assertThat(resume.exit()).as(resume.err()).isZero();
    assertThat(resume.out()).contains("epoch 2/2").doesNotContain("epoch 1/2");
    assertThat(JSON.readTree(run.resolve(RunDirectory.METRICS).toFile()).get("history")).hasSize(2);

    Path other = tmp.resolve("copy");
    copy(stripes, other);
    Path changed = tmp.resolve("changed");
    KilledTraining.afterEpoch1(changed, "--model", "lenet5", "--dataset", "folder:" + other, "--image-size", "28x28",
        "--channels", "1", "--epochs", "2");
    Path image = other.resolve("vertical/001.png");
    BufferedImage img = ImageIO.read(image.toFile());
    img.setRGB(0, 0, img.getRGB(0, 0) ^ 1);
    ImageIO.write(img, "png", image.toFile());
    Cli refused = Cli.run("train", "--resume", "--out", changed.toString());
    assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("files now have SHA-256", "restore the original data");
    assertThat(changed.resolve(RunDirectory.METRICS)).doesNotExist();
  }

  @Test
  void aCorruptImageOrAMisplacedOptionExitsTwoAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path folder = tmp.resolve("broken");
    copy(stripes, folder);
    Path bad = folder.resolve("horizontal/000.jpg");
    Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
    Cli r = Cli.run("train", "--model", "lenet5", "--dataset", "folder:" + folder, "--image-size", "28x28",
        "--out", tmp.resolve("never").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("cannot decode the image " + bad);
    assertThat(tmp.resolve("never")).doesNotExist();

    Cli misplaced = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--image-size", "32x32",
        "--out", tmp.resolve("never").toString());
    assertThat(misplaced.exit()).isEqualTo(2);
    assertThat(misplaced.err()).contains("apply to folder:PATH datasets only; mnist-sample has fixed images");
    Cli size = Cli.run("train", "--model", "lenet5", "--dataset", "folder:" + stripes, "--image-size", "28by28",
        "--out", tmp.resolve("never").toString());
    assertThat(size.exit()).isEqualTo(2);
    assertThat(size.err()).contains("image-size='28by28' must be HxW");
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }
}
