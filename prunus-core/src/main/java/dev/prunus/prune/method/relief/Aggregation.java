package dev.prunus.prune.method.relief;

import dev.prunus.CliName;
import dev.prunus.model.Architecture;
import java.util.List;
import java.util.Locale;

/**
 * How a kernel's partial feature map {@code P = |K| * mean|x|} is reduced to one importance. The authors'
 * code uses the Frobenius norm for VGG and ResNet and the plain sum for LeNet-5, with
 * the bias scored to match ({@code |b| * sqrt(positions)} and {@code |b| * positions}).
 */
public enum Aggregation implements CliName {
  /** {@code ||P||_F}; bias {@code |b| * sqrt(h * w)}. VGG and ResNet in the authors' code. */
  FROBENIUS,
  /** {@code sum(P)}; bias {@code |b| * h * w}. LeNet-5 in the authors' code. */
  SUM;

  /** The option's value that leaves the choice to {@link #forArchitecture}. */
  public static final String AUTO = "auto";

  /** The option's values: {@code auto} picks {@link #forArchitecture}. */
  public static final List<String> CHOICES = List.of(AUTO, "frobenius", "sum");

  @Override
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The default of the authors' code: sum for the LeNets, Frobenius for everything else. */
  public static Aggregation forArchitecture(Architecture arch) {
    return arch.name().startsWith("lenet") ? SUM : FROBENIUS;
  }

  /** The bias's importance, scaled like a kernel's map of {@code positions} output positions. */
  double bias(double absBias, long positions) {
    return this == SUM ? absBias * positions : absBias * Math.sqrt(positions);
  }
}
