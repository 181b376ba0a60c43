package dev.prunus.prune.method.datafree;

import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.UnitMethodContract;
import java.util.List;

/** The contract for the neuron methods, which prune hidden FC layers only: run on the zoo models that have one. */
abstract class HiddenFcContract extends UnitMethodContract {
  @Override
  protected List<ModelId> supportedModels() {
    return List.of(ModelId.LENET_300_100, ModelId.LENET5, ModelId.LENET5_CAFFE);
  }
}
