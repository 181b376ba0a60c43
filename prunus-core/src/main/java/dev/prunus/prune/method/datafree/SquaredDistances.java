package dev.prunus.prune.method.datafree;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * All pairwise squared Euclidean distances between the rows of a matrix, from one Gram-matrix product:
 * {@code ||x_i - x_j||^2 = G_ii + G_jj - 2 G_ij} with {@code G = X X^T}. The product runs in libtorch
 * (BLAS, float32), so 4096 rows of 9217 values take about a second where a Java triple loop takes a
 * minute. The expansion loses precision for near-identical rows (cancellation, about {@code 1e-7} of the
 * rows' squared norms); taking {@code G_ii} from the same product keeps identical rows at (nearly) zero,
 * and negative round-off is clamped to 0. The diagonal is 0.
 */
public final class SquaredDistances {
  private SquaredDistances() {}

  /** The {@code n x n} distances (row-major) between the {@code n} rows of {@code rows} ({@code n x d}). */
  public static float[] of(float[] rows, int n, int d) {
    if ((long) n * d != rows.length) {
      throw new IllegalArgumentException(rows.length + " values are not " + n + " rows of " + d);
    }
    float[] gram;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(rows, new Shape(n, d));
      gram = x.matMul(x.transpose()).toFloatArray();
    }
    float[] out = new float[n * n];
    for (int i = 0; i < n; i++) {
      double gii = gram[i * n + i];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dij = gii + gram[j * n + j] - 2.0 * gram[i * n + j];
          out[i * n + j] = (float) Math.max(0.0, dij);
        }
      }
    }
    return out;
  }
}
