package dev.prunus.model.zoo;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ZeroPadLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * VGG-16 for CIFAR with batch norm (Simonyan &amp; Zisserman 2015, in the CIFAR form pruning papers use): 13
 * 3x3 convolutions with bias, each followed by batch norm and ReLU, five max pools, then a classifier
 * head of {@code hidden} fully connected layers (ReLU) and the output layer. With no hidden layer (the
 * default) it has 14,719,818 conv/linear parameters plus 8,448 batch-norm parameters. Inputs smaller than
 * 32x32 are zero-padded to 32x32.
 */
final class Vgg16 {
  /** Channels per conv, 0 meaning a 2x2 max pool. */
  private static final int[] CONFIG = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};

  private Vgg16() {}

  static Architecture build(FeatureShape input, int classes, double width, List<Integer> hidden) {
    List<Layer> layers = new ArrayList<>();
    int pad = Widths.padTo32(input.height());
    if (pad > 0) {
      layers.add(new ZeroPadLayer(pad));
    }
    int in = input.channels();
    int conv = 0;
    int side = input.height() + 2 * pad;
    for (int c : CONFIG) {
      if (c == 0) {
        layers.add(new MaxPoolLayer(2, 2));
        side /= 2;
        continue;
      }
      conv++;
      int out = Widths.scale(c, width);
      layers.add(new ConvLayer("conv" + conv, in, out, 3, 1, 1, true));
      layers.add(new BatchNormLayer("bn" + conv, out));
      layers.add(new ReluLayer());
      in = out;
    }
    layers.add(new FlattenLayer());
    int features = in * side * side;
    int fc = 0;
    for (int h : hidden) {
      fc++;
      int units = Widths.scale(h, width);
      layers.add(new LinearLayer("fc" + fc, features, units, true));
      layers.add(new ReluLayer());
      features = units;
    }
    layers.add(new LinearLayer("fc" + (fc + 1), features, classes, true));
    return Architecture.sequential("vgg16", input, classes, width, layers);
  }
}
