package dev.prunus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRepository;
import dev.prunus.io.ModelFile;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.method.relief.Relief;
import dev.prunus.prune.schedule.RoundListener;
import dev.prunus.prune.schedule.Schedule;
import dev.prunus.prune.schedule.ScheduleState;
import dev.prunus.run.PreparedData;
import dev.prunus.train.Evaluation;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example ("As a library") is this test's code, line for line: it runs on mnist-sample
 * (one epoch, two rounds, so it stays short), and {@link #theReadmeShowsExactlyThisCode} checks that the
 * README holds the lines between the markers.
 */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/prunus/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void trainPruneIterativelyWithReliefCompactSaveAndEvaluate(@TempDir Path dir) {
    // README example start
    Dataset mnist = new DatasetRepository(DatasetRepository.defaultHome()).load(DatasetId.MNIST_SAMPLE);
    PreparedData data = PreparedData.of(mnist.train(), mnist.test(), 0.1, 42); // any ImageSets of any shape
    Architecture arch = ModelId.LENET_300_100.build();
    Model model = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 42));
    TrainingConfig training = new TrainingConfig(1, 64, new OptimizerConfig.Sgd(0.01, 0.9, false, 0),
        new LearningRateSchedule.Constant(), 42, false);
    Model trained = new Trainer(training, TrainingListener.NONE)
        .train(model, data.train(), data.validation(), checkpoint -> {}).model();
    ScheduleState pruned = Schedule.iterative(1, 2, 42).run(Relief.builder().optAlphaFc(0.9).build(), trained,
        null, training, data.splits(), TrainingListener.NONE, RoundListener.NONE);
    Model compact = Compactor.compact(pruned.model());
    ModelFile.write(dir.resolve("lenet-relief.prunus"), compact);
    Evaluation test = Schedule.evaluate(ModelFile.read(dir.resolve("lenet-relief.prunus")), data.test());
    System.out.printf("test accuracy %.4f, %d weights kept%n", test.accuracy(), ModelCounter.count(compact).nonzero());
    // README example end

    Evaluation dense = Schedule.evaluate(trained, data.test());
    assertThat(dense.accuracy()).as("one epoch of LeNet-300-100 on mnist-sample").isGreaterThan(0.8);
    assertThat(test.count()).isEqualTo(2000);
    assertThat(test.accuracy()).as("relief at alpha 0.9 keeps most of the accuracy").isGreaterThan(0.7);
    assertThat(pruned.rounds()).hasSize(2);
    assertThat(ModelCounter.count(pruned.model()).density()).as("relief prunes").isLessThan(0.9);
    assertThat(ModelCounter.count(compact).params()).as("compaction removes relief's dead neurons")
        .isLessThan(ModelCounter.count(trained).params());
    // the saved and read model computes what the compacted one does
    assertThat(Schedule.evaluate(compact, data.test())).isEqualTo(test);
  }

  @Test
  void theReadmeShowsExactlyThisCode() throws Exception {
    List<String> lines = Files.readAllLines(SOURCE);
    int start = lines.indexOf("    // README example start");
    int end = lines.indexOf("    // README example end");
    assertThat(start).isPositive();
    assertThat(end - start - 1).as("lines of the example").isBetween(10, 20);
    String code = String.join("\n", lines.subList(start + 1, end).stream().map(l -> l.substring(4)).toList());
    assertThat(Files.readString(README)).contains("```java\n" + code + "\n```");
  }
}
