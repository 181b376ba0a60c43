package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
  @Test
  void helpListsEverySubcommand() {
    Cli r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("train", "prune", "methods", "eval", "info", "import", "export", "models", "datasets",
        "bench", "demo");
  }

  @Test
  void versionIsPrinted() {
    Cli r = Cli.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("prunus 0.");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(Cli.run().exit()).isEqualTo(2);
  }

  @ParameterizedTest(name = "info --model {0} totals {1}")
  @CsvSource({"vgg16, '14,719,818', '8,448'", "resnet56, '848,954', '4,064'", "lenet5, '61,706', '0'"})
  void infoPrintsPerLayerTablesWithThePublishedTotals(String model, String total, String bn) {
    Cli r = Cli.run("info", "--model", model);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^total\\s+" + total.replace(",", "\\,") + "\\s");
    assertThat(r.out()).contains("batch-norm parameters (scale + shift, counted separately): " + bn);
  }

  @Test
  void infoShowsEveryLayerOfLenet5WithItsFlops() {
    Cli r = Cli.run("info", "--model", "lenet5");
    assertThat(r.out()).containsPattern("conv1\\s+conv\\s+6x1x5x5\\s+156\\s+156\\s+1.0000\\s+117,600");
    assertThat(r.out()).containsPattern("(?m)^total.*416,520");
  }

  @Test
  void modelsListsTheZooWithCounts() {
    Cli r = Cli.run("models");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("lenet-300-100", "266,610", "resnet18", "vgg16", "14,719,818");
  }

  @Test
  void methodsListsEveryMethodWithItsOptionsAndDefaults() {
    Cli r = Cli.run("methods");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("magnitude", "random", "--scope", "(default: global)", "--match");
  }

  @Test
  void datasetsListsEveryDataset() {
    Cli r = Cli.run("datasets");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("fashion-mnist", "mnist-sample", "mnist", "cifar10", "cifar100");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown model          | train --model alexnet --dataset mnist-sample --out OUT | unknown model 'alexnet': valid models are lenet-300-100",
    "unknown dataset        | train --model lenet5 --dataset imagenet --out OUT      | unknown dataset 'imagenet'",
    "batch size 0           | train --model lenet5 --dataset mnist-sample --batch-size 0 --out OUT | --batch-size 0 must be at least 1: e.g. --batch-size 64",
    "negative epochs        | train --model lenet5 --dataset mnist-sample --epochs -1 --out OUT    | --epochs -1 must be 0 or more: e.g. --epochs 2",
    "bad width              | train --model lenet5 --dataset mnist-sample --width 0 --out OUT      | width=0.0 must be in (0, 8]",
    "bad schedule           | train --model lenet5 --dataset mnist-sample --lr-schedule steps --out OUT | lr schedule 'steps' is not one of",
    "unknown model for info | info --model alexnet | valid models are",
    "not a run              | eval NOTARUN          | is not a finished Prunus run",
    "sparsity out of range  | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity 1.3 --out OUT | sparsity=1.3 must be in [0, 1)",
    "negative sparsity      | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity -0.1 --out OUT | sparsity=-0.1 must be in [0, 1)",
    "unknown method         | prune --method obd --model lenet5 --dataset mnist-sample --sparsity 0.5 --out OUT | unknown method 'obd': valid methods are magnitude, random, l1-structured, snip",
    "unknown method option  | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity 0.5 --nodes 4 --out OUT | method magnitude has no option --nodes",
    "bad method option      | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity 0.5 --scope everything --out OUT | --scope everything is not valid for method magnitude",
    "bad option value       | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity 0.5 --min-layer-density 2 --out OUT | --min-layer-density 2.0 must be in [0, 1]",
    "no target              | prune --method magnitude --model lenet5 --dataset mnist-sample --out OUT | method magnitude prunes to a requested density: give --sparsity S or --density D",
    "two targets            | prune --method magnitude --model lenet5 --dataset mnist-sample --density 0.5 --sparsity 0.5 --out OUT | give one of --sparsity S or --density D, not both",
    "rgp nodes too many     | prune --method rgp --model resnet20 --dataset mnist-sample --nodes 32 --degree 4 --out OUT | the largest valid --nodes is 16",
    "rgp odd degree         | prune --method rgp --model resnet20 --dataset mnist-sample --nodes 16 --degree 5 --out OUT | --degree 5 is odd",
    "unknown schedule       | prune --method magnitude --model lenet5 --dataset mnist-sample --sparsity 0.5 --schedule twice --out OUT | unknown schedule 'twice'",
    "relief with a density  | prune --method relief --model lenet5 --dataset mnist-sample --density 0.5 --out OUT | method relief decides its own density",
    "preset of another      | prune --method magnitude --preset lenet5 --model lenet5 --dataset mnist-sample --sparsity 0.5 --out OUT | --preset lenet5 holds NNrelief's hyper-parameters",
    "unknown preset         | prune --method relief --preset lenet7 --model lenet5 --dataset mnist-sample --out OUT | unknown preset 'lenet7': valid presets are lenet-300-100",
    "bad alpha              | prune --method relief --alpha-fc 0 --model lenet5 --dataset mnist-sample --out OUT | --alpha-fc 0.0 must be in (0, 1]",
    "random bad densities   | prune --method random --model lenet5 --dataset mnist-sample --density 0.5 --densities fc1=abc --out OUT | --densities 'fc1=abc' must be LAYER=DENSITY pairs",
    "l1 unknown norm        | prune --method l1-structured --model lenet5 --dataset mnist-sample --density 0.5 --norm l3 --out OUT | --norm l3 is not valid for method l1-structured",
    "snip unknown layers    | prune --method snip --model lenet5 --dataset mnist-sample --density 0.5 --layers some --out OUT | --layers some is not valid for method snip: choose one of all, no-first",
    "snip scoring batch     | prune --method snip --model lenet5 --dataset mnist-sample --density 0.5 --score-batch-size 0 --out OUT | --score-batch-size 0 must be in [1, 100000]",
    "data-free negative     | prune --method data-free --model lenet5 --dataset mnist-sample --remove -3 --out OUT | --remove -3: '-3' must be a whole number of neurons >= 0",
    "random-neuron not a number | prune --method random-neuron --model lenet5 --dataset mnist-sample --remove x --out OUT | --remove x: 'x' must be a whole number of neurons >= 0",
    "naive-neuron layer twice | prune --method naive-neuron --model lenet5 --dataset mnist-sample --remove fc1=1,fc1=2 --out OUT | --remove fc1=1,fc1=2 names layer fc1 twice",
    "small-world odd degree | prune --method small-world --model lenet5 --dataset mnist-sample --density 0.1 --degree 5 --out OUT | --degree 5 must be even",
    "method option twice    | prune --method magnitude --model lenet5 --dataset mnist-sample --density 0.5 --scope layer --scope global --out OUT | --scope is given twice (layer, then global): give each method option once",
    "method option twice, = | prune --method magnitude --model lenet5 --dataset mnist-sample --density 0.5 --scope=layer --scope global --out OUT | --scope is given twice",
    "picocli option twice   | train --model lenet5 --dataset mnist-sample --lr 0.1 --lr 0.2 --out OUT | option '--lr' (X) should be specified only once",
    "rounds beyond the limit | prune --method magnitude --model lenet5 --dataset mnist-sample --density 0.5 --schedule iterative --rounds 2147483647 --out OUT | --rounds 2147483647 must be in [1, 1000]",
    "epochs beyond the limit | train --model lenet5 --dataset mnist-sample --epochs 2147483647 --out OUT | --epochs 2147483647 must be at most 100000",
    "graph chain of 1e6 nodes | graph chain --nodes 1000000 | --nodes 1000000 is too many: a graph's adjacency bit matrix (n x n bits) must fit one Java array, which allows at most 370727 nodes",
    "graph show of 2e9 nodes  | graph show --nodes 2000000000 | --nodes 2000000000 is too many",
    "infinite lr            | train --model lenet5 --dataset mnist-sample --lr Infinity --out OUT | Invalid value for option '--lr': 'Infinity' is not a finite number",
    "infinite weight decay  | train --model lenet5 --dataset mnist-sample --weight-decay Infinity --out OUT | Invalid value for option '--weight-decay': 'Infinity' is not a finite number",
    "NaN momentum           | train --model lenet5 --dataset mnist-sample --momentum NaN --out OUT | Invalid value for option '--momentum': 'NaN' is not a finite number",
    "NaN density            | prune --method magnitude --model lenet5 --dataset mnist-sample --density NaN --out OUT | Invalid value for option '--density': 'NaN' is not a finite number",
    "infinite method option | prune --method magnitude --model lenet5 --dataset mnist-sample --density 0.5 --min-layer-density -Infinity --out OUT | --min-layer-density -Infinity must be a finite number (method magnitude",
    "infinite sw rewire     | prune --method small-world --model lenet5 --dataset mnist-sample --density 0.1 --rewire Infinity --out OUT | --rewire Infinity must be a finite number (method small-world",
  })
  void badInputExitsTwoWithAMessageNamingTheValue(String name, String args, String message, @TempDir Path tmp) {
    String line = args.replace("OUT", tmp.resolve("out").toString()).replace("NOTARUN", tmp.toString());
    Cli r = Cli.run(line.trim().split("\\s+"));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  /** Sizes beyond the heap are refused up front, naming the option (the test JVM has far less than 12 GB). */
  @Test
  void aModelOrGraphBeyondTheHeapIsRefusedBeforeAnythingIsBuilt(@TempDir Path tmp) {
    assumeTrue(Runtime.getRuntime().maxMemory() < 12L << 30, "needs a heap below 12 GB");
    Cli vgg = Cli.run("train", "--model", "vgg16", "--width", "8", "--dataset", "cifar10", "--out", tmp.resolve("out").toString());
    assertThat(vgg.exit()).as(vgg.err()).isEqualTo(2);
    assertThat(vgg.err()).contains("training vgg16 at --width 8.0 (941,582,858 parameters) needs about 12.0 GB of Java heap",
        "lower --width, or give Java more heap");
    assertThat(tmp.resolve("out")).doesNotExist();
    Cli graph = Cli.run("graph", "show", "--nodes", "300000", "--degree", "4");
    assertThat(graph.exit()).as(graph.err()).isEqualTo(2);
    assertThat(graph.err()).contains("--nodes 300000 (a 300,000 x 300,000 adjacency bit matrix, 4 copies in the ASPL "
        + "search) needs about 41.9 GB of Java heap", "lower --nodes");
  }

  /**
   * What still runs out of heap is reported by the command line, naming the options that size it, not as a
   * raw OutOfMemoryError: here the data-free benchmark's 4096 x 9216 layer in a JVM of 48 MB.
   */
  @Test
  void outOfMemoryNamesTheOptionToChange() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), PrunusCommand.class.getName(), "bench", "data-free",
        "--neurons", "4096").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isEqualTo(1);
    assertThat(output).contains("prunus: failed: out of memory: `prunus bench data-free` needs more than the 48 MB of "
        + "Java heap this JVM may use: lower --neurons (4096), or give Java more heap (PRUNUS_JAVA_OPTS=-Xmx16g")
        .doesNotContain("java.lang.OutOfMemoryError");
  }

  @Test
  void anOutputDirectoryThatIsNotARunIsRefusedAndLeftAlone(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("mine.txt"), "keep me");
    Cli r = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--out", tmp.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exists and is not a Prunus run");
    assertThat(tmp.toFile().list()).containsExactly("mine.txt");
  }

  @Test
  void anUnwritableOutputDirectoryIsRefused(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli r = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--out", file.resolve("run").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cannot be written");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli r = Cli.run("train", "--modle", "lenet5", "--out", "unused");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--modle");
  }
}
