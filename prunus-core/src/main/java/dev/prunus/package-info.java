/**
 * What every package of Prunus shares: the exception for bad input ({@link dev.prunus.InvalidInputException},
 * exit code 2), the seeded shuffles ({@link dev.prunus.Shuffle}), the command-line names of enums,
 * finite-number and heap-budget checks. prunus-core's packages are {@code model} (what a network is),
 * {@code data}, {@code train}, {@code prune} (what to remove and how), {@code measure}, {@code io},
 * {@code run} (run directories) and {@code experiment} (grids of runs).
 */
package dev.prunus;
