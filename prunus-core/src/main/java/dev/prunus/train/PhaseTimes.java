package dev.prunus.train;

/**
 * Where training time went, in nanoseconds, over {@code steps} steps: assembling batches and copying them
 * to native memory; forward pass plus loss; backward pass; optimiser step; mask upkeep.
 */
public record PhaseTimes(long steps, long images, long data, long forward, long backward, long optimizer, long masks) {
  public static final PhaseTimes ZERO = new PhaseTimes(0, 0, 0, 0, 0, 0, 0);

  public long total() {
    return data + forward + backward + optimizer + masks;
  }

  public double imagesPerSecond() {
    return total() == 0 ? 0 : images / (total() / 1e9);
  }

  public PhaseTimes plus(PhaseTimes o) {
    return new PhaseTimes(steps + o.steps, images + o.images, data + o.data, forward + o.forward,
        backward + o.backward, optimizer + o.optimizer, masks + o.masks);
  }
}
