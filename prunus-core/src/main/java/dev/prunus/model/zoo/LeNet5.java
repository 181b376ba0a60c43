package dev.prunus.model.zoo;

import dev.prunus.model.Architecture;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.ReluLayer;
import java.util.List;

/**
 * The two LeNet-5 variants of the pruning literature, both with ReLU and max pooling.
 *
 * <ul>
 *   <li>classic 6-16-120-84 (modern form: full C3 connectivity, parameter-free pooling); a 28x28 input is
 *       padded by 2 in the first convolution, as in the 32x32 original. 61,706 parameters.
 *   <li>Caffe 20-50-500 (Han et al., NNrelief, Srinivas &amp; Babu): no padding. 431,080 parameters.
 * </ul>
 */
final class LeNet5 {
  private LeNet5() {}

  static Architecture classic(FeatureShape input, int classes, double width) {
    int c1 = Widths.scale(6, width);
    int c2 = Widths.scale(16, width);
    int f1 = Widths.scale(120, width);
    int f2 = Widths.scale(84, width);
    int pad = Widths.padTo32(input.height());
    int side = ((input.height() + 2 * pad - 4) / 2 - 4) / 2;
    List<Layer> layers = List.of(
        new ConvLayer("conv1", input.channels(), c1, 5, 1, pad, true), new ReluLayer(), new MaxPoolLayer(2, 2),
        new ConvLayer("conv2", c1, c2, 5, 1, 0, true), new ReluLayer(), new MaxPoolLayer(2, 2),
        new FlattenLayer(),
        new LinearLayer("fc1", c2 * side * side, f1, true), new ReluLayer(),
        new LinearLayer("fc2", f1, f2, true), new ReluLayer(),
        new LinearLayer("fc3", f2, classes, true));
    return Architecture.sequential("lenet5", input, classes, width, layers);
  }

  static Architecture caffe(FeatureShape input, int classes, double width) {
    int c1 = Widths.scale(20, width);
    int c2 = Widths.scale(50, width);
    int f1 = Widths.scale(500, width);
    int side = ((input.height() - 4) / 2 - 4) / 2;
    List<Layer> layers = List.of(
        new ConvLayer("conv1", input.channels(), c1, 5, 1, 0, true), new ReluLayer(), new MaxPoolLayer(2, 2),
        new ConvLayer("conv2", c1, c2, 5, 1, 0, true), new ReluLayer(), new MaxPoolLayer(2, 2),
        new FlattenLayer(),
        new LinearLayer("fc1", c2 * side * side, f1, true), new ReluLayer(),
        new LinearLayer("fc2", f1, classes, true));
    return Architecture.sequential("lenet5-caffe", input, classes, width, layers);
  }
}
