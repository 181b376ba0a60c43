/**
 * Drawings of graphs as PNG images, nodes on a circle ({@code prunus graph show --png}). Plain Java 2-D
 * graphics, headless; nothing else in Prunus depends on it.
 */
package dev.prunus.graph.draw;
