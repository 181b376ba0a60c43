package dev.prunus.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The skip path of a {@link ResidualBlock}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Shortcut.Identity.class, name = "identity"),
  @JsonSubTypes.Type(value = Shortcut.ZeroPad.class, name = "zero_pad"),
  @JsonSubTypes.Type(value = Shortcut.Projection.class, name = "projection")
})
public sealed interface Shortcut {
  FeatureShape outputShape(FeatureShape in);

  /** {@code x} itself. */
  record Identity() implements Shortcut {
    @Override
    public FeatureShape outputShape(FeatureShape in) {
      return in;
    }
  }

  /**
   * He et al.'s option A: subsample by {@code stride} ({@code x[:, :, ::s, ::s]}) and add
   * {@code padBefore} zero channels before and {@code padAfter} after; no parameters.
   */
  record ZeroPad(int stride, int padBefore, int padAfter) implements Shortcut {
    @Override
    public FeatureShape outputShape(FeatureShape in) {
      return new FeatureShape(
          in.channels() + padBefore + padAfter,
          (in.height() + stride - 1) / stride,
          (in.width() + stride - 1) / stride);
    }
  }

  /** Option B: a 1x1 convolution (with stride) followed by batch norm. */
  record Projection(ConvLayer conv, BatchNormLayer batchNorm) implements Shortcut {
    @Override
    public FeatureShape outputShape(FeatureShape in) {
      return batchNorm.outputShape(conv.outputShape(in));
    }
  }
}
