/**
 * The {@code prunus} command (picocli), one class per subcommand: a thin layer that parses and checks
 * options, runs the engine check, calls the library (prunus-core, prunus-report) and prints. Exit codes: 0
 * success, 1 runtime failure, 2 bad usage or bad input; nothing depends on this module but prunus-spark.
 */
package dev.prunus.cli;
