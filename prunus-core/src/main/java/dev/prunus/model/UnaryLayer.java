package dev.prunus.model;

import java.util.List;

/** A layer of one input. */
public sealed interface UnaryLayer extends Layer
    permits ConvLayer, LinearLayer, BatchNormLayer, ReluLayer, ClipLayer, SigmoidLayer, HardSigmoidLayer,
        HardSwishLayer, MaxPoolLayer, AvgPoolLayer, GlobalAvgPoolLayer, FlattenLayer, ReshapeLayer, TransposeLayer,
        PadLayer, SliceLayer, ChannelGateLayer, ZeroPadLayer, ResidualBlock {
  /** The shape this layer produces from {@code in}; throws InvalidInputException if it cannot. */
  TensorShape outputShape(TensorShape in);

  @Override
  default TensorShape outputShape(List<TensorShape> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " takes one input, not " + inputs.size());
    }
    return outputShape(inputs.get(0));
  }
}
