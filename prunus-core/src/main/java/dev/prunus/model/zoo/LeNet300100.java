package dev.prunus.model.zoo;

import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.ReluLayer;
import java.util.List;

/**
 * LeNet-300-100 (LeCun et al. 1998; the MLP of Han et al. 2015): flatten, FC 300, FC 100, FC classes, ReLU.
 * 266,610 parameters on 1x28x28 inputs with 10 classes.
 */
final class LeNet300100 {
  private LeNet300100() {}

  static Architecture build(FeatureShape input, int classes, double width) {
    int in = (int) input.size();
    int h1 = Widths.scale(300, width);
    int h2 = Widths.scale(100, width);
    List<Layer> layers = List.of(
        new FlattenLayer(),
        new LinearLayer("fc1", in, h1, true), new ReluLayer(),
        new LinearLayer("fc2", h1, h2, true), new ReluLayer(),
        new LinearLayer("fc3", h2, classes, true));
    return Architecture.sequential("lenet-300-100", input, classes, width, layers);
  }
}
