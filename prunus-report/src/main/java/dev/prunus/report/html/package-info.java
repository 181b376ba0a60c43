/**
 * The self-contained HTML report of {@code prunus report}: one section per view (accuracy against density,
 * compression against speed-up, per-layer densities, method-specific curves, provenance), charts drawn with
 * XChart and embedded as PNG, no scripts and no external references. It reads the rows of
 * {@code dev.prunus.report}.
 */
package dev.prunus.report.html;
