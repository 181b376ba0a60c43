package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The time left on each progress line: the pace of the runs settled so far, times the runs left. */
class GridProgressTest {
  @Test
  void theTimeLeftIsThePaceSoFarTimesTheRunsLeft() {
    assertThat(GridProgress.timeLeft(10, 1, 2)).isEqualTo("about 20 s left");
    assertThat(GridProgress.timeLeft(100, 2, 3)).isEqualTo("about 3 min left"); // 150 s
    assertThat(GridProgress.timeLeft(3600, 1, 2)).isEqualTo("about 2.0 h left");
    assertThat(GridProgress.timeLeft(5, 0, 1)).as("nothing settled yet: the elapsed time per run")
        .isEqualTo("about 5 s left");
  }
}
