package dev.prunus.measure;

import java.util.List;

/**
 * Parameter and FLOP counts of a whole model (metrics.json {@code params} and {@code flops}). {@code params}
 * and {@code nonzero} count the weights and biases of the prunable (conv and linear) layers;
 * {@code batchNormParams} counts batch-norm scales and shifts separately (running statistics are not
 * parameters).
 */
public record ModelCount(List<LayerCount> layers, long batchNormParams) {
  public ModelCount {
    layers = List.copyOf(layers);
  }

  public long params() {
    return layers.stream().mapToLong(LayerCount::params).sum();
  }

  public long nonzero() {
    return layers.stream().mapToLong(LayerCount::nonzero).sum();
  }

  public double density() {
    long p = params();
    return p == 0 ? 1.0 : (double) nonzero() / p;
  }

  public long denseFlops() {
    return layers.stream().mapToLong(LayerCount::denseFlops).sum();
  }

  public long maskedFlops() {
    return layers.stream().mapToLong(LayerCount::maskedFlops).sum();
  }

  public long structuredFlops() {
    return layers.stream().mapToLong(LayerCount::structuredFlops).sum();
  }
}
