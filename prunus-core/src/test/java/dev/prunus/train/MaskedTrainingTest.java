package dev.prunus.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.data.ImageSet;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.zoo.ModelId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskedTrainingTest {
  private static final ImageSet TRAIN = SyntheticImages.bars(640, 10, 1, 28, 1);

  /** Every weight a mask removes is exactly 0 after training with momentum and weight decay, and after a save and load. */
  @Test
  void prunedWeightsStayExactlyZeroThroughMomentumWeightDecayAndReload(@TempDir Path dir) {
    Architecture arch = ModelId.LENET5.build();
    Model pruned = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 3)).pruned(randomMasks(arch, 0.3, 5));
    TrainingConfig cfg = new TrainingConfig(2, 32,
        new OptimizerConfig.Sgd(0.05, 0.9, false, 5e-4), new LearningRateSchedule.Constant(), 1, false);
    Model trained = new Trainer(cfg, TrainingListener.NONE).train(pruned, TRAIN, TRAIN, null).model();

    int checked = assertMaskedEntriesZero(trained);
    assertThat(checked).isGreaterThan(40_000); // 70% of 61k weights were pruned
    // kept weights did move
    Tensor before = pruned.weights().get("fc1.weight");
    Tensor after = trained.weights().get("fc1.weight");
    assertThat(after).isNotEqualTo(before);

    Path file = dir.resolve("model.prunus");
    ModelFile.write(file, trained);
    Model reloaded = ModelFile.read(file);
    assertThat(reloaded.masks()).isEqualTo(trained.masks());
    assertThat(reloaded.weights()).isEqualTo(trained.weights());
    assertMaskedEntriesZero(reloaded);
  }

  /** The same holds for Adam, whose per-entry state would otherwise revive pruned weights. */
  @Test
  void prunedWeightsStayZeroUnderAdam() {
    Architecture arch = ModelId.LENET_300_100.build();
    Model pruned = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 3)).pruned(randomMasks(arch, 0.1, 6));
    TrainingConfig cfg = new TrainingConfig(1, 64,
        new OptimizerConfig.Adam(1e-3, 0.9, 0.999, 1e-8, 1e-4), new LearningRateSchedule.Constant(), 1, false);
    Model trained = new Trainer(cfg, TrainingListener.NONE).train(pruned, TRAIN, TRAIN, null).model();
    assertMaskedEntriesZero(trained);
  }

  /** A learnable task is learned: validation accuracy far above chance (10%). */
  @Test
  void lenet5LearnsTheSyntheticBars() {
    Architecture arch = ModelId.LENET5.build();
    Model m = new Model(arch, Initialization.KAIMING_NORMAL.initialize(arch, 1));
    TrainingConfig cfg = new TrainingConfig(3, 32,
        new OptimizerConfig.Sgd(0.01, 0.9, true, 0), new LearningRateSchedule.Cosine(), 2, false);
    ImageSet val = SyntheticImages.bars(300, 10, 1, 28, 99);
    Trainer.Result r = new Trainer(cfg, TrainingListener.NONE).train(m, TRAIN, val, null);
    List<EpochRecord> h = r.history();
    assertThat(h).hasSize(3);
    assertThat(h.get(2).validationAccuracy()).isGreaterThan(0.9);
    assertThat(h.get(2).trainLoss()).isLessThan(h.get(0).trainLoss());
    assertThat(r.times().steps()).isEqualTo(3 * 20);
  }

  static Masks randomMasks(Architecture arch, double density, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, Mask> masks = new LinkedHashMap<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      boolean[] keep = new boolean[(int) Tensor.numel(p.weightShape())];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = r.nextDouble() < density;
      }
      masks.put(p.weightName(), new Mask(p.weightShape(), keep));
    }
    return new Masks(masks);
  }

  static int assertMaskedEntriesZero(Model m) {
    int checked = 0;
    for (Map.Entry<String, Mask> e : m.masks().byParameter().entrySet()) {
      float[] w = m.weights().get(e.getKey()).data();
      boolean[] keep = e.getValue().keep();
      for (int i = 0; i < w.length; i++) {
        if (!keep[i]) {
          assertThat(w[i]).as("%s[%d]", e.getKey(), i).isEqualTo(0f);
          checked++;
        }
      }
    }
    return checked;
  }
}
