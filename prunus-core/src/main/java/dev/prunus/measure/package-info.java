/**
 * Counting: parameters (total, kept by the masks, batch norm) and FLOPs (dense, masked, structured) per layer
 * and for a whole model, from its architecture and masks without running it. The numbers of metrics.json,
 * {@code prunus info} and the report.
 */
package dev.prunus.measure;
