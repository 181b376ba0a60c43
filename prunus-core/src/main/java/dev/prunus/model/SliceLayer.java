package dev.prunus.model;

import dev.prunus.InvalidInputException;

/**
 * Every {@code step}-th index of per-example axis {@code axis} from {@code start} (inclusive) to
 * {@code end} (exclusive): {@code x[..., start:end:step, ...]}. On a spatial axis it subsamples (option-A
 * shortcuts take {@code x[:, :, ::2, ::2]} as two slices); on the channel axis it selects channels.
 */
public record SliceLayer(int axis, int start, int end, int step) implements UnaryLayer {
  public SliceLayer {
    if (axis < 0 || start < 0 || end <= start || step <= 0) {
      throw new IllegalArgumentException("invalid slice axis " + axis + " " + start + ":" + end + ":" + step);
    }
  }

  /** Every {@code step}-th index of a whole axis of size {@code size}. */
  public static SliceLayer every(int axis, int step, int size) {
    return new SliceLayer(axis, 0, size, step);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    if (axis >= in.rank() || end > in.dim(axis)) {
      throw new InvalidInputException("slice " + start + ":" + end + " of axis " + axis + " does not fit a " + in
          + " input");
    }
    return in.with(axis, (end - start + step - 1) / step);
  }
}
