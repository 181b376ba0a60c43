/**
 * {@code prunus experiment --spark}: Apache Spark as the cluster engine of experiment grids, found by
 * prunus-core's {@code ClusterEngine} service interface. Each run of a grid becomes one Spark job whose task
 * runs the run in a new JVM with the command line's {@code experiment --run}; nothing depends on this module.
 */
package dev.prunus.spark;
