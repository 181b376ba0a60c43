package dev.prunus.model.zoo;

import dev.prunus.InvalidInputException;

/** Scales channel and neuron counts by a width multiplier. */
final class Widths {
  private Widths() {}

  static int scale(int units, double width) {
    return Math.max(1, (int) Math.round(units * width));
  }

  static void check(double width) {
    if (!(width > 0 && width <= 8)) {
      throw new InvalidInputException(
          "width=" + width + " must be in (0, 8]: use e.g. 0.25 for a quarter of the channels, 1 for the standard model");
    }
  }

  /** Zero padding that brings a small input (e.g. 28x28) up to the 32x32 an architecture was designed for. */
  static int padTo32(int size) {
    return size < 32 ? (32 - size + 1) / 2 : 0;
  }
}
