package dev.prunus.model.zoo;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.ReluLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep, narrow MLP for relational-graph studies: flatten, then 14 hidden layers of 64 units (linear
 * without bias, batch norm, ReLU), then a linear classifier: 15 linear layers in all. RGP's authors study
 * how a graph's ASPL shapes training on a 15-layer, 64-wide MLP with 64-node 4-regular graphs;
 * with the first and last layers dense, its 13 hidden-to-hidden layers are masked by the same graph, so
 * path lengths through the graph matter, and it trains in seconds per epoch on a CPU. Batch norm keeps
 * the signal alive through 13 sparse layers, as it does in the convolutional networks RGP prunes.
 */
final class DeepMlp {
  static final int DEPTH = 15;
  static final int WIDTH = 64;

  private DeepMlp() {}

  static Architecture build(FeatureShape input, int classes, double width) {
    int hidden = Widths.scale(WIDTH, width);
    List<Layer> layers = new ArrayList<>();
    layers.add(new FlattenLayer());
    int in = (int) input.size();
    for (int i = 1; i < DEPTH; i++) {
      layers.add(new LinearLayer("fc" + i, in, hidden, false));
      layers.add(new BatchNormLayer("bn" + i, hidden));
      layers.add(new ReluLayer());
      in = hidden;
    }
    layers.add(new LinearLayer("fc" + DEPTH, in, classes, true));
    return Architecture.sequential("mlp15", input, classes, width, layers);
  }
}
