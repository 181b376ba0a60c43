package dev.prunus.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gradient of the mean cross-entropy loss with respect to every conv and linear weight, on given
 * examples, with the model in training mode (batch norm on batch statistics). The model is only read.
 */
public final class LossGradients {
  private LossGradients() {}

  /** Gradients by weight name (e.g. {@code conv1.weight}), on the examples {@code indices} of {@code data}. */
  public static Map<String, Tensor> of(Model model, ImageSet data, int[] indices) {
    try (NDManager root = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, root)) {
      Batches batches = new Batches(data, indices.length);
      try (NDManager step = net.manager().newSubManager()) {
        NDArray[] xy = batches.batch(step, indices, 0, null);
        try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
          c.backward(CrossEntropy.loss(net.forward(xy[0], true), xy[1]));
        }
      }
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (TrainableNetwork.Parameter p : net.trainableParameters()) {
        for (PrunableLayer l : model.architecture().prunableLayers()) {
          if (l.weightName().equals(p.name())) {
            try (NDArray g = Gradients.of(p.value())) {
              out.put(p.name(), new Tensor(g.getShape().getShape(), g.toFloatArray()));
            }
          }
        }
      }
      return out;
    }
  }
}
