package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.prune.method.relief.Relief;
import dev.prunus.prune.method.relief.ReliefPreset;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * {@code prune --preset P}: fills the NNrelief options the user did not give from the authors'
 * hyper-parameters ({@link ReliefPreset}); whatever is on the command line wins. The optimiser options
 * ({@code --optimizer --lr --momentum --nesterov --weight-decay}) go together: naming any of them replaces
 * the preset's optimiser. {@code --fine-tune-epochs N} shortens the retraining, with the preset's
 * learning-rate milestones scaled to N.
 */
final class ReliefPresetDefaults {
  private static final List<String> OPTIMIZER = List.of("--optimizer", "--lr", "--momentum", "--nesterov", "--weight-decay");

  private final ReliefPreset preset;
  private final ParseResult parsed;

  ReliefPresetDefaults(String name, String method, ParseResult parsed) {
    if (!method.equals(Relief.ID)) {
      throw new InvalidInputException("--preset " + name + " holds NNrelief's hyper-parameters: use it with --method "
          + Relief.ID + ", or drop it");
    }
    this.preset = ReliefPreset.fromName(name);
    this.parsed = parsed;
  }

  Map<String, String> methodOptions(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(preset.methodOptions());
    out.putAll(given);
    return out;
  }

  int iterations(int given) {
    return given(List.of("--rounds", "--iterations")) ? given : preset.iterations();
  }

  boolean rewind(Boolean given) {
    return given != null ? given : preset.rewind();
  }

  TrainingConfig training(TrainingConfig given) {
    int epochs = given(List.of("--fine-tune-epochs")) ? given.epochs() : preset.retrainEpochs();
    OptimizerConfig optimizer = given(OPTIMIZER) ? given.optimizer() : preset.optimizer();
    int batch = given(List.of("--batch-size")) ? given.batchSize() : ReliefPreset.BATCH_SIZE;
    return new TrainingConfig(epochs, batch, optimizer,
        given(List.of("--lr-schedule")) ? given.schedule() : preset.schedule(epochs), given.seed(), given.augment());
  }

  private boolean given(List<String> names) {
    return names.stream().anyMatch(parsed::hasMatchedOption);
  }
}
