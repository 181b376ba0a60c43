package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.data.DatasetRepository;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRun;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code prunus train} run stopped as its epoch 2 starts: what a kill after epoch 1's checkpoint leaves. */
final class KilledTraining {
  private KilledTraining() {}

  /** Starts {@code prunus train OPTIONS --out run} and stops it as epoch 2 starts. */
  static void afterEpoch1(Path run, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--out", run.toString()));
    TrainCommand parsed = new TrainCommand();
    new picocli.CommandLine(parsed).parseArgs(args.toArray(String[]::new));
    List<String> command = new ArrayList<>(List.of("prunus", "train"));
    command.addAll(args);
    TrainingListener killer = new TrainingListener() {
      @Override
      public void epochStarted(int epoch, int totalEpochs, int steps) {
        if (epoch == 2) {
          throw new IllegalStateException("killed");
        }
      }
    };
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    assertThatThrownBy(() -> TrainingRun.start(parsed.config(), run, command, data::load, killer)).hasMessage("killed");
    assertThat(run.resolve(RunDirectory.CHECKPOINT)).exists();
  }
}
