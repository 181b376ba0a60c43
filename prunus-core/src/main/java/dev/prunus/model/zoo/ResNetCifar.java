package dev.prunus.model.zoo;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.model.ZeroPadLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Residual networks for CIFAR built from basic blocks (two 3x3 convolutions without bias, each with batch
 * norm), global average pooling and one FC layer (He et al. 2016).
 *
 * <ul>
 *   <li>{@link #thin}: ResNet-(6n+2), stem 16, stages 16/32/64, option-A (parameter-free, zero-padded)
 *       shortcuts. ResNet-20: 268,346 conv/FC parameters (269,722 with batch norm); ResNet-56: 848,954
 *       (853,018).
 *   <li>{@link #resnet18}: the CIFAR ResNet-18 (stem 3x3 conv 64, no max pool, stages 64/128/256/512 of two
 *       blocks, 1x1 conv + batch norm projection shortcuts): 11,173,962 parameters with batch norm.
 * </ul>
 * Inputs smaller than 32x32 are zero-padded to 32x32.
 */
final class ResNetCifar {
  private ResNetCifar() {}

  static Architecture thin(String name, int blocksPerStage, FeatureShape input, int classes, double width) {
    return build(name, new int[] {16, 32, 64}, blocksPerStage, 16, false, input, classes, width);
  }

  static Architecture resnet18(FeatureShape input, int classes, double width) {
    return build("resnet18", new int[] {64, 128, 256, 512}, 2, 64, true, input, classes, width);
  }

  private static Architecture build(
      String name, int[] stages, int blocks, int stem, boolean projection,
      FeatureShape input, int classes, double width) {
    List<Layer> layers = new ArrayList<>();
    int pad = Widths.padTo32(input.height());
    if (pad > 0) {
      layers.add(new ZeroPadLayer(pad));
    }
    int in = Widths.scale(stem, width);
    layers.add(new ConvLayer("conv1", input.channels(), in, 3, 1, 1, false));
    layers.add(new BatchNormLayer("bn1", in));
    layers.add(new ReluLayer());
    for (int s = 0; s < stages.length; s++) {
      int out = Widths.scale(stages[s], width);
      for (int b = 0; b < blocks; b++) {
        int stride = (s > 0 && b == 0) ? 2 : 1;
        String p = "layer" + (s + 1) + "." + b;
        List<Layer> branch = List.of(
            new ConvLayer(p + ".conv1", in, out, 3, stride, 1, false),
            new BatchNormLayer(p + ".bn1", out),
            new ReluLayer(),
            new ConvLayer(p + ".conv2", out, out, 3, 1, 1, false),
            new BatchNormLayer(p + ".bn2", out));
        Shortcut shortcut;
        if (stride == 1 && in == out) {
          shortcut = new Shortcut.Identity();
        } else if (projection) {
          shortcut = new Shortcut.Projection(
              new ConvLayer(p + ".shortcut.conv", in, out, 1, stride, 0, false),
              new BatchNormLayer(p + ".shortcut.bn", out));
        } else {
          int extra = out - in;
          shortcut = new Shortcut.ZeroPad(stride, extra / 2, extra - extra / 2);
        }
        layers.add(new ResidualBlock(p, branch, shortcut));
        layers.add(new ReluLayer());
        in = out;
      }
    }
    layers.add(new GlobalAvgPoolLayer());
    layers.add(new FlattenLayer());
    layers.add(new LinearLayer("fc", in, classes, true));
    return Architecture.sequential(name, input, classes, width, layers);
  }
}
