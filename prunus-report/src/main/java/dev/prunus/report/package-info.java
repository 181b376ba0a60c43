/**
 * Results for people: text tables of runs and layers, result grouping over seeds (mean and standard
 * deviation), and the rows a report reads from experiment and run directories. {@code report.html} builds the
 * HTML report from the same rows; the command line prints the tables.
 */
package dev.prunus.report;
