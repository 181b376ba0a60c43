package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * An operation of a network: a value describing what a {@link Node} computes, never its weights.
 *
 * <p>Layers with parameters carry a unique {@code name} ({@link NamedLayer}); their parameters are named
 * {@code name + ".weight"}, {@code name + ".bias"} (and for batch norm {@code .gamma}, {@code .beta},
 * {@code .running_mean}, {@code .running_var}). {@link ResidualBlock} and {@link ZeroPadLayer} are
 * vocabulary of {@link Architecture#sequential}, lowered into other layers; they never stand in a graph.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ConvLayer.class, name = "conv"),
  @JsonSubTypes.Type(value = LinearLayer.class, name = "linear"),
  @JsonSubTypes.Type(value = BatchNormLayer.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = ReluLayer.class, name = "relu"),
  @JsonSubTypes.Type(value = MaxPoolLayer.class, name = "max_pool"),
  @JsonSubTypes.Type(value = GlobalAvgPoolLayer.class, name = "global_avg_pool"),
  @JsonSubTypes.Type(value = FlattenLayer.class, name = "flatten"),
  @JsonSubTypes.Type(value = PadLayer.class, name = "pad"),
  @JsonSubTypes.Type(value = SliceLayer.class, name = "slice"),
  @JsonSubTypes.Type(value = ChannelGateLayer.class, name = "channel_gate"),
  @JsonSubTypes.Type(value = AddLayer.class, name = "add"),
  @JsonSubTypes.Type(value = MulLayer.class, name = "mul"),
  @JsonSubTypes.Type(value = ConcatLayer.class, name = "concat"),
  @JsonSubTypes.Type(value = ClipLayer.class, name = "clip"),
  @JsonSubTypes.Type(value = SigmoidLayer.class, name = "sigmoid"),
  @JsonSubTypes.Type(value = HardSigmoidLayer.class, name = "hard_sigmoid"),
  @JsonSubTypes.Type(value = HardSwishLayer.class, name = "hard_swish"),
  @JsonSubTypes.Type(value = AvgPoolLayer.class, name = "avg_pool"),
  @JsonSubTypes.Type(value = ReshapeLayer.class, name = "reshape"),
  @JsonSubTypes.Type(value = TransposeLayer.class, name = "transpose"),
  @JsonSubTypes.Type(value = ZeroPadLayer.class, name = "zero_pad"),
  @JsonSubTypes.Type(value = ResidualBlock.class, name = "residual")
})
public sealed interface Layer permits UnaryLayer, AddLayer, MulLayer, ConcatLayer {
  /**
   * The shape this layer produces from its inputs' shapes (per example, batch left out).
   *
   * @throws dev.prunus.InvalidInputException if the inputs do not fit the layer
   */
  TensorShape outputShape(List<TensorShape> inputs);

  /** The output of a one-input layer as a {@link FeatureShape} ({@code [F, 1, 1]} for a vector). */
  default FeatureShape outputShape(FeatureShape in) {
    return outputShape(List.of(TensorShape.of(in))).asFeatureShape();
  }
}
