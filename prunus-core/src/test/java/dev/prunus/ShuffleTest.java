package dev.prunus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.prune.method.Snip;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one Fisher-Yates: its draws are pinned (seeded results depend on them bit for bit), and uniform. */
class ShuffleTest {
  /** What the batch order, the splits and RGP's channel groups drew before this class was the only shuffle. */
  @Test
  void aPermutationKeepsItsDraws() {
    assertThat(Shuffle.permutation(10, new SplittableRandom(7))).containsExactly(1, 5, 0, 4, 2, 8, 7, 3, 9, 6);
  }

  /** What SNIP's (and NNrelief's) data sample drew when Snip had its own loop: the same indices, in order. */
  @Test
  void aSampleKeepsTheDrawsOfTheLoopItReplaced() {
    assertThat(Snip.sample(10, 4, 7)).containsExactly(6, 7, 5, 0);
    assertThat(Snip.sample(1000, 6, 42)).containsExactly(31, 709, 971, 544, 849, 911);
    assertThat(Snip.sample(5, 5, 3)).containsExactly(2, 3, 0, 4, 1);
  }

  @Test
  void aLargerSampleExtendsASmallerOne() {
    int[] small = Shuffle.sample(500, 20, new SplittableRandom(11));
    int[] large = Shuffle.sample(500, 200, new SplittableRandom(11));
    assertThat(Arrays.copyOf(large, 20)).containsExactly(small);
    assertThat(Arrays.stream(large).distinct().count()).isEqualTo(200);
    assertThat(Arrays.stream(large).allMatch(i -> i >= 0 && i < 500)).isTrue();
  }

  /** A draw takes distinct members of the pool and leaves the pool holding them first. */
  @Test
  void aDrawTakesDistinctMembersOfThePool() {
    int[] pool = {3, 8, 9, 14, 20, 21};
    int[] drawn = Shuffle.draw(pool, 4, new SplittableRandom(5));
    assertThat(drawn).doesNotHaveDuplicates().hasSize(4);
    assertThat(new int[] {3, 8, 9, 14, 20, 21}).contains(drawn);
    assertThat(Arrays.copyOf(pool, 4)).containsExactly(drawn);
    assertThat(pool).containsExactlyInAnyOrder(3, 8, 9, 14, 20, 21);
  }

  @Test
  void aDrawOfMoreThanThePoolIsRefused() {
    assertThatThrownBy(() -> Shuffle.draw(new int[3], 4, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 of 3");
  }

  /** Each of the 6 orders of 3 items comes up about 1/6 of the time, for both forms (60,000 seeds each). */
  @Test
  void bothFormsAreUniform() {
    Map<String, Integer> whole = new HashMap<>();
    Map<String, Integer> sampled = new HashMap<>();
    int seeds = 60_000;
    for (int s = 0; s < seeds; s++) {
      whole.merge(Arrays.toString(Shuffle.permutation(3, new SplittableRandom(s))), 1, Integer::sum);
      sampled.merge(Arrays.toString(Shuffle.sample(3, 3, new SplittableRandom(s))), 1, Integer::sum);
    }
    for (Map<String, Integer> counts : java.util.List.of(whole, sampled)) {
      assertThat(counts).hasSize(6);
      // 10,000 expected each; the standard deviation is about 91
      assertThat(counts.values()).allMatch(c -> Math.abs(c - seeds / 6) < 500, "within 500 of 10,000");
    }
  }
}
