package dev.prunus.measure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.util.Optional;

/** Inference through libtorch (DJL), gradient mode off: how Prunus evaluates every model. */
public final class LibtorchInference implements InferenceEngine {
  /** The engine's name in tables and infer.json. */
  public static final String ID = "libtorch";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Forward> prepare(Model model, int batch, long seed) {
    NDManager manager = NDManager.newBaseManager();
    TrainableNetwork net = TrainableNetwork.of(model, manager);
    FeatureShape in = model.architecture().input();
    NDArray x = manager.create(InferenceEngine.input(batch * (int) in.size(), seed),
        new Shape(batch, in.channels(), in.height(), in.width()));
    return Optional.of(new Forward() {
      @Override
      public void run() {
        NoGradient.compute(() -> {
          try (NDManager step = manager.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(step);
            return net.forward(xs, false).toFloatArray();
          }
        });
      }

      @Override
      public void close() {
        net.close();
        manager.close();
      }
    });
  }
}
