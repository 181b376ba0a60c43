package dev.prunus.model;

import dev.prunus.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replaces the classifier of a model by a fresh one with another number of classes, as transfer learning
 * does before fine-tuning an imported network on a new dataset: the last conv or linear layer, whose units
 * are the class scores, gets {@code classes} units drawn from a seed; everything else, masks included, is
 * kept. The layer may reach the output through activations, pooling and flattening (SqueezeNet's 1x1
 * conv classifier is followed by ReLU and global pooling), nothing else: those keep their channels, so the
 * graph needs no other change.
 *
 * <p>The new weights and biases are PyTorch's default for a new {@code nn.Linear} or {@code nn.Conv2d}
 * (as {@link Initialization#TORCH_DEFAULT}): U(-b, b) with b = 1 / sqrt(fan_in), weights first, from a
 * {@link SplittableRandom} seeded with {@code seed}.
 */
public final class ClassifierHead {
  private ClassifierHead() {}

  /** The conv or linear layer whose units are {@code architecture}'s outputs. */
  public static PrunableLayer of(Architecture architecture) {
    Node n = architecture.node(architecture.output());
    List<String> path = new ArrayList<>();
    while (!(n.layer() instanceof PrunableLayer)) {
      Layer l = n.layer();
      boolean passes = l instanceof ReluLayer || l instanceof ClipLayer || l instanceof SigmoidLayer
          || l instanceof HardSigmoidLayer || l instanceof HardSwishLayer || l instanceof GlobalAvgPoolLayer
          || l instanceof AvgPoolLayer || l instanceof MaxPoolLayer || l instanceof FlattenLayer;
      if (!passes || architecture.node(n.input()) == null) {
        throw new InvalidInputException("the output of " + architecture.name() + " comes from node " + n.name() + " ("
            + l.getClass().getSimpleName() + "), not from a conv or linear layer through activations, pooling and "
            + "flattening: Prunus cannot tell which layer is the classifier, so {{classes}} cannot replace it; "
            + "import the model with its own classes");
      }
      path.add(n.name());
      n = architecture.node(n.input());
    }
    PrunableLayer head = (PrunableLayer) n.layer();
    if (head instanceof ConvLayer c && c.groups() != 1) {
      throw new InvalidInputException("the classifier " + c.name() + " of " + architecture.name()
          + " is a grouped convolution: {{classes}} replaces only a dense conv or linear classifier");
    }
    path.add(head.name());
    for (Node other : architecture.nodes()) { // path runs from the output back to the head: each reads the next
      for (String t : other.inputs()) {
        int i = path.indexOf(t);
        if (i == 0 || i > 0 && !path.get(i - 1).equals(other.name())) {
          throw new InvalidInputException("the classifier " + head.name() + " of " + architecture.name()
              + " also feeds node " + other.name() + ": {{classes}} replaces only a classifier nothing else reads");
        }
      }
    }
    return head;
  }

  /**
   * {@code model} with {@code classes} class scores: its classifier replaced by a fresh layer drawn from
   * {@code seed}. {@code model} is not changed.
   *
   * @throws InvalidInputException if {@code classes} is not positive or the classifier cannot be found
   */
  public static Model replace(Model model, int classes, long seed) {
    if (classes <= 0) {
      throw new InvalidInputException("{{classes=" + classes + "}} must be a positive number of classes");
    }
    Architecture a = model.architecture();
    PrunableLayer head = of(a);
    PrunableLayer fresh = head instanceof LinearLayer l
        ? new LinearLayer(l.name(), l.inFeatures(), classes, l.bias())
        : ((ConvLayer) head).withChannels(((ConvLayer) head).inChannels(), classes);
    List<Node> nodes = new ArrayList<>();
    for (Node n : a.nodes()) {
      nodes.add(n.name().equals(head.name()) ? new Node(n.name(), (Layer) fresh, n.inputs()) : n);
    }
    Architecture replaced = new Architecture(a.name(), a.input(), classes, a.width(), nodes);
    Map<String, Tensor> weights = new LinkedHashMap<>(model.weights().tensors());
    weights.putAll(draw(fresh, seed));
    Map<String, Mask> masks = new LinkedHashMap<>(model.masks().byParameter());
    masks.remove(head.weightName());
    masks.remove(head.biasName());
    return new Model(replaced, new Weights(weights), new Masks(masks));
  }

  private static Map<String, Tensor> draw(PrunableLayer p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double bound = 1.0 / Math.sqrt((double) p.inputUnits() * p.weightsPerConnection());
    Map<String, Tensor> t = new LinkedHashMap<>();
    float[] w = new float[(int) Tensor.numel(p.weightShape())];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((2 * r.nextDouble() - 1) * bound);
    }
    t.put(p.weightName(), new Tensor(p.weightShape(), w));
    if (p.hasBias()) {
      float[] b = new float[p.outputUnits()];
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) ((2 * r.nextDouble() - 1) * bound);
      }
      t.put(p.biasName(), new Tensor(new long[] {b.length}, b));
    }
    return t;
  }
}
