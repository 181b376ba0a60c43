package dev.prunus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetId;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.train.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentFileTest {
  private static final MethodRegistry METHODS = MethodRegistry.standard();

  static final String GOOD = """
      name: small
      models: [lenet-300-100, lenet5]
      datasets: mnist-sample
      seeds: [1, 2]
      densities: [0.5, 0.1]
      width: 0.5
      training:
        epochs: 2
        lr: 0.02
        lr-schedule: cosine
      fine-tune:
        epochs: 1
      methods:
        - magnitude
        - snip
        - id: magnitude
          label: magnitude-iterative
          schedule: iterative
          rounds: 2
          options: {scope: layer}
          densities: [0.2]
          fine-tune: {epochs: 3, optimizer: adam}
      """;

  private static ExperimentSpec parse(String yaml) {
    return ExperimentFile.parse(yaml, "x.yaml", "x", METHODS);
  }

  private static String error(String yaml) {
    try {
      parse(yaml);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  /** Every key reaches the spec; fine-tune inherits from training what it does not set. */
  @Test
  void readsEveryKeyAndInheritsTheBudget() {
    ExperimentSpec s = parse(GOOD);
    assertThat(s.name()).isEqualTo("small");
    assertThat(s.models()).containsExactly(ModelId.LENET_300_100, ModelId.LENET5);
    assertThat(s.datasets()).containsExactly(DatasetId.MNIST_SAMPLE);
    assertThat(s.seeds()).containsExactly(1L, 2L);
    assertThat(s.densities()).containsExactly(0.5, 0.1);
    assertThat(s.width()).isEqualTo(0.5);
    assertThat(s.training()).isEqualTo(new TrainingBudget(2, 64, TrainingBudget.Optimizer.SGD, 0.02, 0.9, false, 0, "cosine", null));
    assertThat(s.fineTune()).isEqualTo(s.training().withEpochs(1));
    assertThat(s.methods()).extracting(MethodSpec::label).containsExactly("magnitude", "snip", "magnitude-iterative");
    MethodSpec snip = s.methods().get(1);
    assertThat(snip.schedule()).isEqualTo(ScheduleKind.AT_INIT);
    assertThat(s.methods().get(0).schedule()).isEqualTo(ScheduleKind.ONE_SHOT);
    MethodSpec it = s.methods().get(2);
    assertThat(it.rounds()).isEqualTo(2);
    assertThat(it.options()).isEqualTo(Map.of("scope", "layer"));
    assertThat(it.densities()).containsExactly(0.2);
    assertThat(it.fineTune()).isEqualTo(new TrainingBudget(3, 64, TrainingBudget.Optimizer.ADAM, 0.02, 0.9, false, 0, "cosine", null));
  }

  /** One dense run per (model, dataset, seed); methods from a trained model name it as parent. */
  @Test
  void theGridHasOneDenseBaselinePerModelDatasetAndSeed() {
    ExperimentSpec s = parse(GOOD);
    List<PlannedRun> runs = ExperimentGrid.expand(s, Path.of("/tmp/e"));
    // dense 2x1x2, magnitude 2x2x2, snip 2x2x2, iterative 2x1x2
    assertThat(runs).hasSize(4 + 8 + 8 + 4);
    assertThat(ExperimentGrid.size(s)).isEqualTo(runs.size()); // counted without expanding, for the size check
    ExperimentGrid.checkSize(s, false);
    assertThat(runs).extracting(PlannedRun::id).doesNotHaveDuplicates();
    assertThat(runs.subList(0, 4)).allMatch(PlannedRun::isDense);
    PlannedRun mag = runs.stream().filter(r -> r.id().equals("magnitude/lenet5_mnist-sample_d0.1_s2")).findFirst()
        .orElseThrow();
    assertThat(mag.parent()).isEqualTo("dense/lenet5_mnist-sample_s2");
    assertThat(mag.pruning().parentRun()).isEqualTo("/tmp/e/runs/dense/lenet5_mnist-sample_s2");
    assertThat(mag.training().training().epochs()).isEqualTo(1);
    assertThat(mag.training().training().seed()).isEqualTo(2);
    PlannedRun snip = runs.stream().filter(r -> r.label().equals("snip")).findFirst().orElseThrow();
    assertThat(snip.parent()).isNull();
    assertThat(snip.training()).isEqualTo(runs.get(0).training());
    PlannedRun it = runs.stream().filter(r -> r.label().equals("magnitude-iterative")).findFirst().orElseThrow();
    assertThat(it.training().training().optimizer()).isInstanceOf(OptimizerConfig.Adam.class);
    assertThat(it.pruning().rounds()).isEqualTo(2);
  }

  @Test
  void anUnknownKeyNamesItsLineAndTheValidKeys() {
    assertThat(error(GOOD.replace("width: 0.5", "widht: 0.5")))
        .startsWith("x.yaml:6: unknown key 'widht'").contains("valid keys are name, models, datasets");
    assertThat(error(GOOD.replace("  lr: 0.02", "  learning-rate: 0.02")))
        .startsWith("x.yaml:9: unknown key 'learning-rate' in training").contains("lr-schedule");
    assertThat(error(GOOD.replace("    label: magnitude-iterative", "    lable: x")))
        .startsWith("x.yaml:17: unknown key 'lable'").contains("valid keys are id, label, schedule");
  }

  @Test
  void unknownNamesListTheValidChoices() {
    assertThat(error(GOOD.replace("  - snip", "  - obd")))
        .startsWith("x.yaml:15: methods[1]: unknown method 'obd': valid methods are magnitude, random");
    assertThat(error(GOOD.replace("lenet5]", "alexnet]")))
        .startsWith("x.yaml:2: models[1]: unknown model 'alexnet': valid models are lenet-300-100");
    assertThat(error(GOOD.replace("datasets: mnist-sample", "datasets: imagenet")))
        .startsWith("x.yaml:3: datasets: unknown dataset 'imagenet'").contains("fashion-mnist");
    assertThat(error(GOOD.replace("schedule: iterative", "schedule: gradual")))
        .startsWith("x.yaml:18: methods[2].schedule: unknown schedule 'gradual': valid schedules are at-init");
    assertThat(error(GOOD.replace("optimizer: adam", "optimizer: rmsprop")))
        .startsWith("x.yaml:22: ").contains("'rmsprop' is not valid: choose one of sgd, adam");
  }

  @Test
  void methodOptionsAreCheckedAtTheirOwnLine() {
    assertThat(error(GOOD.replace("options: {scope: layer}", "options: {scope: layer, bogus: 1}")))
        .startsWith("x.yaml:20: methods[2].options.bogus: ").contains("method magnitude has no option bogus: valid options are scope, min-layer-density");
    assertThat(error(GOOD.replace("options: {scope: layer}", "options:\n      scope: everywhere")))
        .startsWith("x.yaml:21: ").contains("choose one of global, layer");
  }

  @Test
  void valuesOutOfRangeAreRejectedWithTheRule() {
    assertThat(error(GOOD.replace("[0.5, 0.1]", "[0.5, 1.5]")))
        .startsWith("x.yaml:5: densities[1]=1.5 must be in (0, 1]");
    assertThat(error(GOOD.replace("epochs: 2", "epochs: -1")))
        .startsWith("x.yaml:8: training.epochs=-1 must be in [0, 100000]");
    assertThat(error(GOOD.replace("width: 0.5", "width: Infinity")))
        .startsWith("x.yaml:6: width=Infinity is not a finite number: it must be in (0, 8]");
    assertThat(error(GOOD.replace("width: 0.5", "width: 9")))
        .startsWith("x.yaml:6: width=9 must be in (0, 8]");
    assertThat(error(GOOD.replace("seeds: [1, 2]", "seeds: [1, one]")))
        .startsWith("x.yaml:4: seeds[1]=one must be a whole number");
    assertThat(error(GOOD.replace("seeds: [1, 2]", "seeds: [1, 1]")))
        .startsWith("x.yaml:4: seeds[1]: 1 is listed twice");
    assertThat(error(GOOD.replace("lr-schedule: cosine", "lr-schedule: step")))
        .startsWith("x.yaml:10: training.lr-schedule: lr schedule 'step' is not one of");
    assertThat(error(GOOD.replace("rounds: 2", "rounds: 0"))).startsWith("x.yaml:19: methods[2].rounds=0 must be in [1, 1000]");
  }

  @Test
  void scheduleRulesAreCheckedPerEntry() {
    assertThat(error(GOOD.replace("schedule: iterative", "schedule: one-shot")))
        .startsWith("x.yaml:19: rounds=2 applies to the iterative schedule only");
    assertThat(error(GOOD.replace("  - snip", "  - {id: snip, fine-tune: {epochs: 1}}")))
        .startsWith("x.yaml:15: an at-init entry trains from scratch");
    assertThat(error(GOOD.replace("    label: magnitude-iterative\n", "")))
        .startsWith("x.yaml:16: two method entries are labelled 'magnitude'");
    assertThat(error(GOOD.replace("label: magnitude-iterative", "label: dense")))
        .startsWith("x.yaml:17: the label 'dense' names the dense baselines");
  }

  /** keep-best and the final phase reach each run's configuration; their rules are checked at their line. */
  @Test
  void keepBestAndTheFinalPhaseReachTheRuns() {
    String yaml = GOOD.replace("    rounds: 2\n", "    rounds: 2\n    keep-best: true\n"
        + "    final-density: 0.05\n    final-epochs: 3\n");
    ExperimentSpec s = parse(yaml);
    MethodSpec it = s.methods().get(2);
    assertThat(it.keepBest()).isTrue();
    assertThat(it.finalPrune()).isEqualTo(new dev.prunus.prune.schedule.Schedule.FinalPhase(0.05, 3));
    assertThat(s.methods().get(0).keepBest()).isFalse();
    assertThat(s.methods().get(0).finalPrune()).isNull();
    PlannedRun run = ExperimentGrid.expand(s, Path.of("/tmp/e")).stream()
        .filter(r -> r.label().equals("magnitude-iterative")).findFirst().orElseThrow();
    assertThat(run.pruning().keepBest()).isTrue();
    assertThat(run.pruning().finalPrune()).isEqualTo(new dev.prunus.prune.schedule.Schedule.FinalPhase(0.05, 3));
    assertThat(parse(GOOD.replace("    rounds: 2\n", "    rounds: 2\n    final-density: 0.1\n")).methods()
        .get(2).finalPrune().epochs()).isEqualTo(1);

    assertThat(error(yaml.replace("final-density: 0.05", "final-density: 0.2")))
        .startsWith("x.yaml:21: final-density 0.2 must be below the entry's density 0.2");
    assertThat(error(yaml.replace("final-density: 0.05", "final-density: 0")))
        .startsWith("x.yaml:21: methods[2].final-density=0 must be in (0, 1)");
    assertThat(error(yaml.replace("    final-density: 0.05\n", "")))
        .startsWith("x.yaml:21: final-epochs applies only with final-density");
    assertThat(error(yaml.replace("keep-best: true", "keep-best: often")))
        .startsWith("x.yaml:20: methods[2].keep-best=often must be true or false");
  }

  /** A density a method cannot reach (global magnitude below its per-layer floor) is refused at its entry. */
  @Test
  void aDensityTheMethodCannotReachIsRejectedAtItsEntry() {
    String low = GOOD.replace("densities: [0.5, 0.1]", "densities: [0.5, 0.005]");
    assertThat(error(low)).startsWith("x.yaml:14: ").contains("density 0.005 is below magnitude's min-layer-density=0.01")
        .contains("pass min-layer-density=0.0025 (or 0)");
    ExperimentSpec s = parse(low.replace("  - magnitude\n  - snip", "  - {id: magnitude, options: {min-layer-density: 0.001}}\n  - snip"));
    assertThat(s.methods().get(0).densities()).containsExactly(0.5, 0.005);
  }

  @Test
  void aGridCellThatCannotBeBuiltIsRejectedAtItsEntry() {
    assertThat(error(GOOD.replace("width: 0.5", "width: 0.5\nvgg-head: [64]")))
        .startsWith("x.yaml:2: models: a classifier head (vgg-head) applies only to vgg16");
  }

  @Test
  void syntaxErrorsAndDuplicateKeysGiveTheirLine() {
    assertThat(error(GOOD.replace("width: 0.5", "width: 0.5\nwidth: 1"))).startsWith("x.yaml:7:")
        .contains("Duplicate field 'width'");
    assertThat(error("models: [lenet5\ndatasets: x\n")).startsWith("x.yaml:").contains("not valid YAML");
    assertThat(error("")).contains("the file is empty");
    assertThatThrownBy(() -> parse("models: [lenet5]\ndatasets: [mnist]\nmethods: [magnitude]\n"))
        .hasMessageContaining("has no densities");
  }

  /** Defaults: seeds [1], the file's name, the command line's training budget, no fine-tuning. */
  @Test
  void defaults() {
    ExperimentSpec s = parse("models: lenet5\ndatasets: fashion-mnist\ndensities: 0.1\nmethods: random\n");
    assertThat(s.name()).isEqualTo("x");
    assertThat(s.seeds()).containsExactly(1L);
    assertThat(s.training()).isEqualTo(TrainingBudget.DEFAULT);
    assertThat(s.fineTune().epochs()).isZero();
    assertThat(s.validationFraction()).isEqualTo(0.1);
  }

  /**
   * A method that decides its own density runs once at that density, whatever the grid's densities:
   * relief's is an outcome (named 1), RGP's is degree over nodes, data-free --auto keeps what its knee says.
   */
  @Test
  void anEntryWhoseMethodDecidesItsDensityRunsOnceAndTakesNoDensities() {
    String yaml = """
        models: lenet5
        datasets: fashion-mnist
        densities: [0.3, 0.1]
        methods:
          - relief
          - {id: relief, label: relief-3, rounds: 3}
          - {id: rgp, options: {nodes: 6, degree: 2}}
          - {id: data-free, options: {auto: true}}
          - magnitude
        """;
    ExperimentSpec s = parse(yaml);
    assertThat(s.methods()).extracting(MethodSpec::densities).containsExactly(
        List.of(1.0), List.of(1.0), List.of(2.0 / 6), List.of(1.0), List.of(0.3, 0.1));
    assertThat(s.methods().get(1).schedule()).isEqualTo(ScheduleKind.ITERATIVE);
    assertThat(s.methods().get(1).rounds()).isEqualTo(3);
    assertThat(ExperimentGrid.expand(s, Path.of("x"))).extracting(PlannedRun::id).contains(
        "relief-3/lenet5_fashion-mnist_d1_s1", "data-free/lenet5_fashion-mnist_d1_s1").hasSize(1 + 4 + 2);

    assertThat(error(yaml.replace("{id: relief, label: relief-3, rounds: 3}",
        "{id: relief, label: relief-3, densities: [0.2]}")))
        .startsWith("x.yaml:6: methods[1].densities: relief's density is an outcome of its options")
        .contains("drop this entry's `densities:`");
    assertThat(error(yaml.replace("degree: 2}}", "degree: 2}, densities: [0.1]}")))
        .startsWith("x.yaml:7:").contains("the options fix rgp's density at 0.333");
  }
}
