package dev.prunus.prune.method.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The reach of Prunus's one departure from the authors' selection rule (the strongest input is never
 * pruned): on every list whose largest value is unique and that has two entries or more, the result is
 * exactly the code's rule, computed here independently in its own words (METHODS.md B.2.2: sort
 * descending, cumulative sums, {@code p0 = #{p : c_p < alpha * S}}, {@code t = min(p0 + 1, m)}, prune every
 * value {@code <= s(t)}). So the departure only ever touches one-entry lists and lists tied at the top.
 */
class CumulativeAlphaProperties {
  /** The authors' rule, literally: a second implementation as the oracle. */
  static boolean[] literal(double[] v, double alpha) {
    Double[] s = Arrays.stream(v).boxed().sorted(Comparator.reverseOrder()).toArray(Double[]::new);
    double total = Arrays.stream(v).sum();
    double[] c = new double[s.length];
    for (int p = 0; p < s.length; p++) {
      c[p] = (p == 0 ? 0 : c[p - 1]) + s[p];
    }
    int p0 = (int) Arrays.stream(c).filter(x -> x < alpha * total).count();
    double thr = s[Math.min(p0 + 1, s.length - 1)];
    boolean[] out = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] <= thr;
    }
    return out;
  }

  @Property(tries = 2000)
  void theDepartureChangesNothingWhenTheStrongestIsUnique(
      @ForAll @Size(min = 2, max = 40) double[] raw,
      @ForAll @IntRange(min = 0, max = 40) int zeros,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double alpha) {
    // non-negative importances, some of them already pruned (0)
    double[] v = new double[raw.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < Math.min(zeros, v.length - 1) ? 0 : Math.abs(raw[i]) % 1000;
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    Assume.that(sorted[sorted.length - 1] > sorted[sorted.length - 2]); // a unique strongest
    assertThat(CumulativeAlpha.pruned(v, alpha)).containsExactly(literal(v, alpha));
  }

  /** Where the two differ, the literal rule would have pruned every entry: the departure keeps exactly one. */
  @Property(tries = 500)
  void whereTheyDifferTheLiteralRuleEmptiesTheUnit(
      @ForAll @Size(min = 1, max = 6) double[] raw,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double alpha) {
    double top = Math.abs(raw[0]) % 1000 + 1;
    double[] v = new double[raw.length];
    Arrays.fill(v, top); // one entry, or all tied
    boolean[] literal = literal(v, alpha);
    boolean[] ours = CumulativeAlpha.pruned(v, alpha);
    if (!Arrays.equals(literal, ours)) {
      for (boolean b : literal) {
        assertThat(b).isTrue();
      }
      int kept = 0;
      for (boolean b : ours) {
        kept += b ? 0 : 1;
      }
      assertThat(kept).isEqualTo(1);
    }
  }
}
