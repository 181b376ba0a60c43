package dev.prunus.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The choice of algorithm, with stand-in checks that fail the algorithms a test names. */
class EngineGuardTest {
  private static final ConvGeometry CONV2 = ConvGeometry.square(8, 20, 12, 50, 5, 1, 0);

  private static EngineCheck.Report report(ConvolutionAlgorithm a, boolean right) {
    return new EngineCheck.Report(a, List.of(new EngineCheck.Finding(CONV2, "forward (training)", right ? 1e-6 : 0.3,
        !right, false)), 0.5);
  }

  private static java.util.function.Function<ConvolutionAlgorithm, EngineCheck.Report> wrong(Set<ConvolutionAlgorithm> bad) {
    return a -> report(a, !bad.contains(a));
  }

  @Test
  void theAutomaticChoiceIsPaddedWhereItIsRight() {
    EngineGuard.Selection s = EngineGuard.choose(null, wrong(Set.of(ConvolutionAlgorithm.ONEDNN)));
    assertThat(s.algorithm()).isEqualTo(ConvolutionAlgorithm.PADDED);
    assertThat(s.fellBack()).isFalse();
  }

  @Test
  void theAutomaticChoiceFallsBackToNativeAndSaysWhy() {
    EngineGuard.Selection s = EngineGuard.choose(null, wrong(Set.of(ConvolutionAlgorithm.PADDED)));
    assertThat(s.algorithm()).isEqualTo(ConvolutionAlgorithm.NATIVE);
    assertThat(s.fellBack()).isTrue();
    assertThat(s.summary()).contains("padded failed on this CPU", Cpu.description(), "C_in=20", "NaN",
        "slower native algorithm");
  }

  @Test
  void aWrongRequestedAlgorithmIsRefusedNamingTheCpuAndTheFix() {
    assertThatThrownBy(() -> EngineGuard.choose(ConvolutionAlgorithm.ONEDNN, wrong(Set.of(ConvolutionAlgorithm.ONEDNN))))
        .isInstanceOf(EngineGuard.EngineCheckFailedException.class)
        .hasMessageContaining(Cpu.description())
        .hasMessageContaining("onednn: conv N=8 C_in=20")
        .hasMessageContaining("--conv-algorithm native")
        .hasMessageContaining("--skip-engine-check");
  }

  @Test
  void whenNothingIsRightTheRefusalSaysSo() {
    assertThatThrownBy(() -> EngineGuard.choose(null, wrong(Set.of(ConvolutionAlgorithm.values()))))
        .isInstanceOf(EngineGuard.EngineCheckFailedException.class)
        .hasMessageContaining("padded: ")
        .hasMessageContaining("native: ")
        .hasMessageContaining("no algorithm Prunus knows is right on this CPU");
  }
}
