package dev.prunus.prune.method.datafree;

import java.util.ArrayList;
import java.util.List;

/**
 * The greedy merge sequence of Srinivas &amp; Babu (BMVC 2015) on one layer, as plain arrays: repeatedly
 * remove the neuron {@code j} of the pair {@code (i, j)} of least saliency
 * {@code s(i, j) = mean(a_j^2) * ||w_i - w_j||^2}, adding its outgoing weights {@code a_j} to {@code a_i}.
 * {@code w_k} is neuron k's incoming weight row with its bias appended, {@code a_k} its column of the next
 * layer's weight (its outgoing weights); the mean is over the next layer's outputs.
 *
 * <p>Cost. The distances {@code ||w_i - w_j||^2} never change (only outgoing weights are merged), so they
 * are computed once ({@link SquaredDistances}, one Gram-matrix product). For a fixed removed neuron
 * {@code j} the factor {@code mean(a_j^2)} is common to all partners, so j's best partner is simply its
 * nearest alive neuron. Each neuron keeps its nearest partner; a step takes the least
 * {@code mean(a_j^2) * d(j, nearest(j))} over the alive neurons (O(n)), then updates the kept neuron's
 * {@code mean(a_i^2)} (O(outputs)) and re-scans only the neurons whose nearest partner was the removed one
 * (O(n) each, about one per step on average). A whole sequence over n neurons is thus O(n^2) after the
 * distances, where recomputing every saliency after every merge would be O(n^3).
 *
 * <p>Ties are broken by the lower index of the removed neuron, then of the kept one, so the sequence is
 * deterministic given the distances.
 */
public final class NeuronMerge {
  private NeuronMerge() {}

  /**
   * One greedy step: neuron {@code removed} merged into neuron {@code into} at saliency {@code saliency}.
   */
  public record Step(int removed, int into, double saliency) {}

  /**
   * The greedy sequence on {@code n} neurons, for at most {@code maxSteps} merges (and never past one
   * alive neuron).
   *
   * @param distances squared distances between the neurons' incoming rows, {@code n x n} row-major (the
   *     diagonal is ignored)
   * @param outgoing each neuron's outgoing weights, {@code n x outputs} row-major (row k is the next
   *     layer's column k); not changed
   * @param alive which neurons take part (dead ones are neither removed nor merged into)
   */
  public static List<Step> greedy(float[] distances, float[] outgoing, int outputs, boolean[] alive, int maxSteps) {
    int n = alive.length;
    if (distances.length != n * n || outgoing.length != n * outputs) {
      throw new IllegalArgumentException("distances of " + distances.length + " and outgoing weights of "
          + outgoing.length + " do not fit " + n + " neurons of " + outputs + " outputs");
    }
    boolean[] live = alive.clone();
    double[] a = new double[outgoing.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = outgoing[i];
    }
    double[] meanSquare = new double[n];
    int[] nearest = new int[n];
    int count = 0;
    for (int j = 0; j < n; j++) {
      meanSquare[j] = meanSquare(a, j, outputs);
      if (live[j]) {
        count++;
      }
    }
    for (int j = 0; j < n; j++) {
      if (live[j]) {
        nearest[j] = nearestAlive(distances, n, j, live);
      }
    }
    List<Step> steps = new ArrayList<>();
    while (steps.size() < maxSteps && count > 1) {
      int j = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        if (live[k]) {
          double s = meanSquare[k] * distances[k * n + nearest[k]];
          if (s < best || j < 0) {
            best = s;
            j = k;
          }
        }
      }
      int i = nearest[j];
      steps.add(new Step(j, i, best));
      live[j] = false;
      count--;
      for (int o = 0; o < outputs; o++) {
        a[i * outputs + o] += a[j * outputs + o];
      }
      meanSquare[i] = meanSquare(a, i, outputs);
      for (int k = 0; k < n; k++) {
        if (live[k] && nearest[k] == j) {
          nearest[k] = nearestAlive(distances, n, k, live);
        }
      }
    }
    return steps;
  }

  /** The alive neuron nearest to {@code j} other than itself (lowest index among equals); -1 if none. */
  private static int nearestAlive(float[] distances, int n, int j, boolean[] live) {
    int best = -1;
    float d = Float.POSITIVE_INFINITY;
    int row = j * n;
    for (int i = 0; i < n; i++) {
      if (i != j && live[i] && (best < 0 || distances[row + i] < d)) {
        d = distances[row + i];
        best = i;
      }
    }
    return best;
  }

  private static double meanSquare(double[] a, int k, int outputs) {
    double s = 0;
    for (int o = k * outputs; o < (k + 1) * outputs; o++) {
      s += a[o] * a[o];
    }
    return outputs == 0 ? 0 : s / outputs;
  }
}
