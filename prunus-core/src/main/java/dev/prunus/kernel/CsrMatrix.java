package dev.prunus.kernel;

import dev.prunus.model.Mask;

/**
 * A pruned weight matrix {@code [rows, columns]} in compressed sparse row form: only the kept entries,
 * row by row. {@link #multiply} computes {@code y = x W^T + b} for a batch of row vectors, touching only
 * the kept weights: at low density it beats a dense product, which multiplies the zeros too. Immutable.
 */
public final class CsrMatrix {
  private final int rows;
  private final int columns;
  private final int[] rowStart;
  private final int[] column;
  private final float[] value;

  private CsrMatrix(int rows, int columns, int[] rowStart, int[] column, float[] value) {
    this.rows = rows;
    this.columns = columns;
    this.rowStart = rowStart;
    this.column = column;
    this.value = value;
  }

  /**
   * The kept entries of {@code weights} ({@code [rows, columns]}, row-major) under {@code mask} (null:
   * every non-zero entry).
   */
  public static CsrMatrix of(float[] weights, int rows, int columns, Mask mask) {
    if (weights.length != rows * columns || mask != null && mask.size() != weights.length) {
      throw new IllegalArgumentException("a " + rows + "x" + columns + " matrix needs " + rows * columns + " entries");
    }
    boolean[] keep = mask == null ? null : mask.keep();
    int nnz = 0;
    for (int i = 0; i < weights.length; i++) {
      nnz += kept(weights, keep, i) ? 1 : 0;
    }
    int[] start = new int[rows + 1];
    int[] col = new int[nnz];
    float[] val = new float[nnz];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      start[r] = k;
      for (int c = 0; c < columns; c++) {
        int i = r * columns + c;
        if (kept(weights, keep, i)) {
          col[k] = c;
          val[k++] = weights[i];
        }
      }
    }
    start[rows] = k;
    return new CsrMatrix(rows, columns, start, col, val);
  }

  private static boolean kept(float[] w, boolean[] keep, int i) {
    return keep == null ? w[i] != 0f : keep[i];
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  /** Stored entries. */
  public int nonzeros() {
    return value.length;
  }

  public double density() {
    return (double) value.length / ((long) rows * columns);
  }

  /**
   * {@code y = x W^T + b}: {@code x} is {@code [batch, columns]} row-major, {@code bias} has {@code rows}
   * entries (or is null), the result {@code [batch, rows]}. Sums in float, in column order.
   */
  public float[] multiply(float[] x, int batch, float[] bias) {
    if (x.length != batch * columns) {
      throw new IllegalArgumentException("input of " + x.length + " values is not " + batch + " x " + columns);
    }
    float[] y = new float[batch * rows];
    for (int b = 0; b < batch; b++) {
      int xo = b * columns;
      int yo = b * rows;
      for (int r = 0; r < rows; r++) {
        float s = bias == null ? 0f : bias[r];
        for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
          s += value[k] * x[xo + column[k]];
        }
        y[yo + r] = s;
      }
    }
    return y;
  }
}
