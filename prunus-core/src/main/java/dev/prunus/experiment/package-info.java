/**
 * Experiment grids: the YAML experiment file, its expansion into runs (models x datasets x methods x
 * densities x seeds), the resumable runner with its results.csv and results.json, and the service interface
 * through which a cluster engine (prunus-spark) runs a grid's runs. Each run is a training or pruning run of
 * {@code dev.prunus.run}.
 */
package dev.prunus.experiment;
