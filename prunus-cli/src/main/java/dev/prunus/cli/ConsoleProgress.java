package dev.prunus.cli;

import dev.prunus.train.EpochRecord;
import dev.prunus.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress: on a terminal, a progress bar per epoch with the running loss, accuracy and
 * images/s; always, one summary line per epoch on {@code out}, and the progress lines of a slow pruning plan
 * (RGP's graph search), the first and then one every few seconds.
 */
final class ConsoleProgress implements TrainingListener {
  private final PrintWriter out;
  private final ProgressLines planLines;
  private final boolean bar;
  private ProgressBar current;
  private int totalEpochs;

  ConsoleProgress(PrintWriter out) {
    this.out = out;
    this.planLines = new ProgressLines(out);
    this.bar = System.console() != null;
  }

  @Override
  public void planProgress(String line) {
    planLines.print(line);
  }

  @Override
  public void epochStarted(int epoch, int totalEpochs, int steps) {
    this.totalEpochs = totalEpochs;
    if (bar) {
      current = new ProgressBarBuilder()
          .setTaskName("epoch " + epoch + "/" + totalEpochs)
          .setInitialMax(steps)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250)
          .build();
    }
  }

  @Override
  public void stepFinished(int step, double meanLoss, double meanAccuracy, double imagesPerSecond) {
    if (current != null) {
      current.stepTo(step);
      current.setExtraMessage(String.format(Locale.ROOT, "loss %.4f acc %.4f %.0f img/s",
          meanLoss, meanAccuracy, imagesPerSecond));
    }
  }

  @Override
  public void notice(String message) {
    out.println("note: " + message);
    out.flush();
  }

  @Override
  public void epochFinished(EpochRecord r) {
    if (current != null) {
      current.close();
      current = null;
    }
    out.printf(Locale.ROOT, "epoch %d/%d  lr %.4g  train loss %.4f acc %.4f  validation loss %.4f acc %.4f  %.1f s%n",
        r.epoch(), totalEpochs, r.lr(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
        r.validationAccuracy(), r.seconds());
    out.flush();
  }
}
