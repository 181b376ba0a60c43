package dev.prunus.model;

/** Averages each channel over its whole map: {@code [C, H, W] -> [C, 1, 1]}. */
public record GlobalAvgPoolLayer() implements UnaryLayer {
  @Override
  public TensorShape outputShape(TensorShape in) {
    int[] d = new int[in.rank()];
    java.util.Arrays.fill(d, 1);
    d[0] = in.channels();
    return new TensorShape(d);
  }
}
