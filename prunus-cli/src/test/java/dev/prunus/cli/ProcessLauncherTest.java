package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessLauncherTest {
  @Test
  void eachRunGetsAnEqualShareOfTheCoresAndAtLeastOne() {
    assertThat(ProcessLauncher.threadsPerRun(2, 1)).isEqualTo(2);
    assertThat(ProcessLauncher.threadsPerRun(2, 2)).isEqualTo(1);
    assertThat(ProcessLauncher.threadsPerRun(2, 4)).isEqualTo(1);
    assertThat(ProcessLauncher.threadsPerRun(16, 3)).isEqualTo(5);
  }
}
