package dev.prunus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.zoo.ModelId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replacing a model's classifier ({@code prunus import --classes}): only the layer whose units are the
 * class scores changes, drawn from the seed as PyTorch draws a new layer; the rest, masks included, stays.
 */
class ClassifierHeadTest {
  private static Model lenet5() {
    Architecture a = ModelId.LENET5.build();
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
  }

  @Test
  void aLinearClassifierGetsTheNewClassesAndEverythingElseStays() {
    Model m = lenet5().pruned(new Masks(Map.of("conv1.weight", Mask.ones(6, 1, 5, 5))));
    String head = ClassifierHead.of(m.architecture()).name();
    Model r = ClassifierHead.replace(m, 3, 9);
    assertThat(r.architecture().numClasses()).isEqualTo(3);
    assertThat(r.architecture().outputShape()).isEqualTo(new FeatureShape(3, 1, 1));
    assertThat(r.weights().get(head + ".weight").shape()).containsExactly(3, 84);
    for (String p : m.weights().tensors().keySet()) {
      if (!p.startsWith(head + ".")) {
        assertThat(r.weights().get(p)).as(p).isEqualTo(m.weights().get(p));
      }
    }
    assertThat(r.masks().byParameter()).containsOnlyKeys("conv1.weight");
    float bound = (float) (1 / Math.sqrt(84));
    for (String p : List.of(head + ".weight", head + ".bias")) {
      for (float v : r.weights().get(p).data()) {
        assertThat(Math.abs(v)).as(p).isLessThanOrEqualTo(bound);
      }
    }
    assertThat(ClassifierHead.replace(m, 3, 9).weights()).as("same seed, same weights").isEqualTo(r.weights());
    assertThat(ClassifierHead.replace(m, 3, 10).weights().get(head + ".weight"))
        .isNotEqualTo(r.weights().get(head + ".weight"));
  }

  /** SqueezeNet's classifier: a 1x1 conv, then ReLU, global pooling and a flatten. */
  @Test
  void aConvClassifierBehindActivationPoolingAndFlattenIsFound() {
    Architecture a = new Architecture("squeeze", new FeatureShape(4, 5, 5), 7, 1, List.of(
        new Node("features", new ConvLayer("features", 4, 8, 3, 1, 1, true), Architecture.INPUT),
        new Node("relu", new ReluLayer(), "features"),
        new Node("classifier", new ConvLayer("classifier", 8, 7, 1, 1, 0, true), "relu"),
        new Node("relu2", new ReluLayer(), "classifier"),
        new Node("pool", new GlobalAvgPoolLayer(), "relu2"),
        new Node("flat", new FlattenLayer(), "pool")));
    Model r = ClassifierHead.replace(new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1)), 2, 1);
    assertThat(r.architecture().node("classifier").layer()).isEqualTo(new ConvLayer("classifier", 8, 2, 1, 1, 0, true));
    assertThat(r.architecture().numClasses()).isEqualTo(2);
  }

  @Test
  void aClassifierItCannotReplaceExactlyIsRefused() {
    Architecture normalised = new Architecture("bn-head", new FeatureShape(3, 1, 1), 4, 1, List.of(
        new Node("flat", new FlattenLayer(), Architecture.INPUT),
        new Node("fc", new LinearLayer("fc", 3, 4, true), "flat"),
        new Node("bn", new BatchNormLayer("bn", 4), "fc")));
    assertThatThrownBy(() -> ClassifierHead.of(normalised)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the output of bn-head comes from node bn (BatchNormLayer), not from a conv or linear "
            + "layer through activations, pooling and flattening");
    Architecture shared = new Architecture("shared", new FeatureShape(3, 1, 1), 3, 1, List.of(
        new Node("flat", new FlattenLayer(), Architecture.INPUT),
        new Node("fc", new LinearLayer("fc", 3, 3, true), "flat"),
        new Node("relu", new ReluLayer(), "fc"),
        new Node("sum", new AddLayer(), List.of("relu", "fc"))));
    assertThatThrownBy(() -> ClassifierHead.of(shared)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("comes from node sum (AddLayer)");
    Architecture read = new Architecture("read", new FeatureShape(3, 1, 1), 3, 1, List.of(
        new Node("flat", new FlattenLayer(), Architecture.INPUT),
        new Node("fc", new LinearLayer("fc", 3, 3, true), "flat"),
        new Node("side", new ReluLayer(), "fc"),
        new Node("relu", new ReluLayer(), "fc")));
    assertThatThrownBy(() -> ClassifierHead.of(read)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the classifier fc of read also feeds node side");
    assertThatThrownBy(() -> ClassifierHead.replace(lenet5(), 0, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("classes=0 must be a positive number of classes");
  }
}
