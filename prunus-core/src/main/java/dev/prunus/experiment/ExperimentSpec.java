package dev.prunus.experiment;

import dev.prunus.data.DatasetRef;
import dev.prunus.model.Initialization;
import dev.prunus.model.zoo.ModelId;
import java.util.List;

/**
 * An experiment: the grid models x datasets x methods x densities x seeds, with the training budget of
 * the dense baselines and at-init runs ({@code training}, from weights started by {@code init}) and of fine-tuning after a prune
 * ({@code fineTune}, which each method may override). Read from a YAML file by {@link ExperimentFile};
 * {@link ExperimentGrid} turns it into runs.
 */
public record ExperimentSpec(
    String name, List<ModelId> models, List<DatasetRef> datasets, List<Long> seeds, List<Double> densities,
    double width, List<Integer> vggHead, Initialization init, double validationFraction, TrainingBudget training,
    TrainingBudget fineTune, List<MethodSpec> methods) {
  public ExperimentSpec {
    models = List.copyOf(models);
    datasets = List.copyOf(datasets);
    seeds = List.copyOf(seeds);
    densities = List.copyOf(densities);
    vggHead = List.copyOf(vggHead);
    methods = List.copyOf(methods);
  }
}
