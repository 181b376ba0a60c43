package dev.prunus.model;

import dev.prunus.CliName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a model's weights start. fan_in is a unit's inputs times the kernel's area, fan_out a weight's
 * outputs times the kernel's area (PyTorch's definitions). Batch norm always starts at scale 1, shift 0,
 * running mean 0 and variance 1.
 *
 * <p>Deterministic: each conv or linear layer, in node order, draws from its own
 * {@link SplittableRandom} split from one seeded with {@code seed} (weights first, then biases), so the
 * same seed gives the same weights bit for bit on any machine and engine. The initialisation decides
 * more than speed: Srinivas &amp; Babu's data-free merging finds near-duplicate neurons after short
 * training from {@link #TORCH_DEFAULT}, whose fully connected rows stay close to a start with
 * duplicates at small distances, and not from {@link #KAIMING_NORMAL} (README, data-free section).
 */
public enum Initialization implements CliName {
  /** He et al. 2015, fan-in mode with ReLU's gain: weights N(0, 2 / fan_in), biases 0. Prunus's default. */
  KAIMING_NORMAL("kaiming-normal"),
  /** He et al. 2015, uniform form: weights U(-b, b) with b = sqrt(6 / fan_in), biases 0. */
  KAIMING_UNIFORM("kaiming-uniform"),
  /** Glorot &amp; Bengio 2010: weights U(-b, b) with b = sqrt(6 / (fan_in + fan_out)), biases 0. */
  XAVIER_UNIFORM("xavier-uniform"),
  /**
   * What PyTorch's {@code nn.Linear} and {@code nn.Conv2d} do by default ({@code kaiming_uniform_} with
   * a = sqrt(5)): weights U(-b, b) with b = 1 / sqrt(fan_in), and biases U(-b, b) with the same b.
   */
  TORCH_DEFAULT("torch-default");

  private final String cliName;

  Initialization(String cliName) {
    this.cliName = cliName;
  }

  /** The command-line name, e.g. {@code kaiming-normal}. */
  @Override
  public String cliName() {
    return cliName;
  }

  public static Initialization fromName(String name) {
    return CliName.lookUp(Initialization.class, name, "initialisation", "initialisations");
  }

  /** Fresh weights for {@code arch}, drawn from {@code seed}. */
  public Weights initialize(Architecture arch, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (Node n : arch.nodes()) {
      Layer l = n.layer();
      if (l instanceof PrunableLayer p) {
        SplittableRandom r = root.split();
        long[] shape = p.weightShape();
        double fanIn = (double) p.inputUnits() * p.weightsPerConnection();
        double fanOut = (double) p.outputUnits() * p.weightsPerConnection();
        float[] w = new float[(int) Tensor.numel(shape)];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) switch (this) {
            case KAIMING_NORMAL -> gaussian(r) * Math.sqrt(2.0 / fanIn);
            case KAIMING_UNIFORM -> uniform(r, Math.sqrt(6.0 / fanIn));
            case XAVIER_UNIFORM -> uniform(r, Math.sqrt(6.0 / (fanIn + fanOut)));
            case TORCH_DEFAULT -> uniform(r, 1.0 / Math.sqrt(fanIn));
          };
        }
        t.put(p.weightName(), new Tensor(shape, w));
        if (p.hasBias()) {
          float[] b = new float[p.outputUnits()];
          if (this == TORCH_DEFAULT) {
            for (int i = 0; i < b.length; i++) {
              b[i] = (float) uniform(r, 1.0 / Math.sqrt(fanIn));
            }
          }
          t.put(p.biasName(), new Tensor(new long[] {b.length}, b));
        }
      } else if (l instanceof BatchNormLayer b) {
        t.put(b.gammaName(), Tensor.filled(1f, b.channels()));
        t.put(b.betaName(), Tensor.zeros(b.channels()));
        t.put(b.runningMeanName(), Tensor.zeros(b.channels()));
        t.put(b.runningVarName(), Tensor.filled(1f, b.channels()));
      }
    }
    return new Weights(t);
  }

  /** Standard normal by the Box-Muller transform (specified here, unlike Random.nextGaussian's caching). */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double uniform(SplittableRandom r, double bound) {
    return (2 * r.nextDouble() - 1) * bound;
  }
}
