package dev.prunus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterStyleTest {
  @Test
  void oneTokenIsTheJavaParameterTheFlagOrTheKey() {
    String m = "{{alphaFc=5.0}} must be in (0, 1]; see {{minLayerDensity}} and {{learningRate|lr=0.0}}";
    assertThat(ParameterStyle.JAVA.render(m)).isEqualTo("alphaFc=5.0 must be in (0, 1]; see minLayerDensity and learningRate=0.0");
    assertThat(ParameterStyle.FLAG.render(m)).isEqualTo("--alpha-fc 5.0 must be in (0, 1]; see --min-layer-density and --lr 0.0");
    assertThat(ParameterStyle.KEY.render(m)).isEqualTo("alpha-fc=5.0 must be in (0, 1]; see min-layer-density and lr=0.0");
  }

  @Test
  void aKeyOfAnOptionMapIsTheKeyForJavaAndTheFlagForTheCommandLine() {
    String m = "no option " + ParameterStyle.keyToken("min-layer-density", "2") + " nor "
        + ParameterStyle.keyToken("Bad Key", null);
    assertThat(ParameterStyle.JAVA.render(m)).isEqualTo("no option min-layer-density=2 nor Bad Key");
    assertThat(ParameterStyle.FLAG.render(m)).isEqualTo("no option --min-layer-density 2 nor Bad Key");
  }

  @Test
  void textWithoutTokensAndValuesWithDollarsAreLeftAsTheyAre() {
    assertThat(ParameterStyle.FLAG.render("a {b} c")).isEqualTo("a {b} c");
    assertThat(ParameterStyle.FLAG.render("{{sweep='$1,\\2'}} is bad")).isEqualTo("--sweep '$1,\\2' is bad");
  }

  @Test
  void theExceptionRendersJavaAndKeepsTheTemplateThroughAPrefix() {
    InvalidInputException e = new InvalidInputException("{{nodes=2}} is too few").prefixed("layer fc1: ");
    assertThat(e.getMessage()).isEqualTo("layer fc1: nodes=2 is too few");
    assertThat(e.message(ParameterStyle.FLAG)).isEqualTo("layer fc1: --nodes 2 is too few");
    assertThat(ParameterStyle.kebab("sigmaReferences")).isEqualTo("sigma-references");
  }
}
