package dev.prunus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.run.Json;
import dev.prunus.train.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TrainingBudgetTest {
  @Test
  void theOptimizerIsAnEnumAndAMissingOneIsAnErrorNotSgd() {
    assertThatThrownBy(() -> new TrainingBudget(1, 32, null, null, 0.9, false, 0, "constant", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("optimizer is missing");
  }

  @Test
  void anUnknownScheduleIsRefusedWhenTheBudgetIsMadeNotWhenItTrains() {
    assertThatThrownBy(() -> new TrainingBudget(1, 32, TrainingBudget.Optimizer.SGD, null, 0.9, false, 0, "sometimes",
        null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("sometimes");
  }

  @Test
  void eachOptimizerGivesItsConfigurationWithItsDefaultRate() {
    TrainingBudget adam = new TrainingBudget(1, 32, TrainingBudget.Optimizer.ADAM, null, 0.9, false, 0, "constant", null);
    assertThat(adam.toConfig(7, false).optimizer()).isEqualTo(new OptimizerConfig.Adam(0.001, 0.9, 0.999, 1e-8, 0));
    assertThat(TrainingBudget.DEFAULT.toConfig(7, false).optimizer())
        .isEqualTo(new OptimizerConfig.Sgd(0.01, 0.9, false, 0));
  }

  @Test
  void experimentJsonStillWritesTheOptimizerByItsFileName() throws Exception {
    assertThat(Json.MAPPER.valueToTree(TrainingBudget.DEFAULT).path("optimizer").asText()).isEqualTo("sgd");
    assertThat(TrainingBudget.Optimizer.CHOICES).containsExactly("sgd", "adam");
  }
}
