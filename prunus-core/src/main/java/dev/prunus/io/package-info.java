/**
 * Files: atomic writes (a file is whole or absent), the CRC-checked tensor file format and the model file
 * built on it (architecture, weights and masks in one file), and checks that an output path can be written
 * before any work starts. Used by {@code run} for every file a run writes.
 */
package dev.prunus.io;
