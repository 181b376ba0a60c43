package dev.prunus.model;

import dev.prunus.InvalidInputException;

/** NumPy-style broadcasting of two per-example shapes of the same rank (each axis equal, or one of them 1). */
final class Broadcast {
  private Broadcast() {}

  static TensorShape shape(String op, TensorShape a, TensorShape b) {
    if (a.rank() != b.rank()) {
      throw new InvalidInputException(op + " of " + a + " and " + b + ": the ranks differ");
    }
    int[] d = new int[a.rank()];
    for (int i = 0; i < d.length; i++) {
      int x = a.dim(i);
      int y = b.dim(i);
      if (x != y && x != 1 && y != 1) {
        throw new InvalidInputException(op + " of " + a + " and " + b + ": axis " + i + " does not broadcast");
      }
      d[i] = Math.max(x, y);
    }
    return new TensorShape(d);
  }
}
