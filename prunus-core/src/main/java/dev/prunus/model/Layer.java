package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One node of an {@link Architecture}: a value describing a layer, never its weights.
 *
 * <p>Layers with parameters carry a unique {@code name}; their parameters are named
 * {@code name + ".weight"}, {@code name + ".bias"} (and for batch norm {@code .gamma}, {@code .beta},
 * {@code .running_mean}, {@code .running_var}).
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
  @JsonSubTypes.Type(value = ZeroPadLayer.class, name = "zero_pad"),
  @JsonSubTypes.Type(value = ResidualBlock.class, name = "residual")
})
public sealed interface Layer
    permits ConvLayer,
        LinearLayer,
        BatchNormLayer,
        ReluLayer,
        MaxPoolLayer,
        GlobalAvgPoolLayer,
        FlattenLayer,
        ZeroPadLayer,
        ResidualBlock {

  /** The shape this layer produces from {@code in}; throws InvalidInputException if it cannot. */
  FeatureShape outputShape(FeatureShape in);
}
