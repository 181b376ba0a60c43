package dev.prunus.train;

/** Training diverged: the loss became NaN or infinite. Names where, and what to try. */
public class NonFiniteLossException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonFiniteLossException(int epoch, int step, double loss) {
    super("training diverged: loss is " + loss + " at epoch " + epoch + ", step " + step
        + "; lower the learning rate or the batch size, or check the data");
  }
}
