package dev.prunus.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@link InferenceBenchmark} times: each candidate's forward passes and nothing else, in turn, with
 * the quantiles of what it measured.
 */
class InferenceBenchmarkTest {
  /** An engine whose forward pass measures itself, so the benchmark's times can be held to them. */
  private static final class SelfTimed implements InferenceEngine {
    final List<Long> own = new ArrayList<>();
    final List<String> order;
    final String name;
    final String group;

    SelfTimed(String name, String group, List<String> order) {
      this.name = name;
      this.group = group;
      this.order = order;
    }

    @Override
    public String id() {
      return name;
    }

    @Override
    public String timingGroup() {
      return group;
    }

    @Override
    public Optional<Forward> prepare(Model model, int batch, long seed) {
      return name.equals("none") ? Optional.empty() : Optional.of(new Forward() {
        @Override
        public void run() {
          long t0 = System.nanoTime();
          order.add(name);
          double s = 0;
          for (int i = 0; i < 20_000; i++) {
            s += Math.sqrt(i + seed);
          }
          if (s < 0) {
            throw new AssertionError();
          }
          own.add(System.nanoTime() - t0);
        }

        @Override
        public void close() {}
      });
    }
  }

  /** LeNet-300-100 at width 8: 3.8 million weights, whose hash alone takes milliseconds. */
  private static Model big() {
    Architecture a = ModelId.LENET_300_100.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 8.0, List.of()));
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
  }

  @Test
  void onlyTheForwardPassIsTimedNotTheBookkeepingAroundIt() {
    List<String> order = new ArrayList<>();
    SelfTimed a = new SelfTimed("a", "g", order);
    SelfTimed b = new SelfTimed("b", "g", order);
    Model m = big();
    List<InferenceBenchmark.Measurement> out = new InferenceBenchmark(List.of(1), 41, 2).run(List.of(
        new InferenceBenchmark.Candidate("dense", m, a), new InferenceBenchmark.Candidate("masked", m, b),
        new InferenceBenchmark.Candidate("none", m, new SelfTimed("none", "g", order))), 1);
    assertThat(out).extracting(x -> x.form() + "/" + x.engine()).containsExactly("dense/a", "masked/b");
    // warm-up first, then the two in turn, each round starting one later: a b, b a, a b ...
    assertThat(order.subList(0, 4)).containsExactly("a", "a", "b", "b");
    assertThat(order.subList(4, 10)).containsExactly("a", "b", "b", "a", "a", "b");
    for (SelfTimed e : List.of(a, b)) {
      long[] own = e.own.subList(2, 43).stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(own);
      double measured = out.get(e == a ? 0 : 1).medianMs();
      // the benchmark's median is the pass's own median plus two clock reads, never a model's hash (ms)
      assertThat(measured).isGreaterThanOrEqualTo(own[20] / 1e6 * 0.5).isLessThan(own[20] / 1e6 + 0.5);
    }
  }

  /** Engines of different timing groups are timed one group after the other; results keep the given order. */
  @Test
  void timingGroupsAreTimedOneAfterTheOther() {
    List<String> order = new ArrayList<>();
    Model m = big();
    SelfTimed x = new SelfTimed("x", "one", order);
    SelfTimed y = new SelfTimed("y", "two", order);
    SelfTimed z = new SelfTimed("z", "one", order);
    List<InferenceBenchmark.Measurement> out = new InferenceBenchmark(List.of(1, 2), 3, 1).run(List.of(
        new InferenceBenchmark.Candidate("dense", m, x), new InferenceBenchmark.Candidate("dense", m, y),
        new InferenceBenchmark.Candidate("masked", m, z)), 1);
    assertThat(out).extracting(r -> r.engine() + "/" + r.batch())
        .containsExactly("x/1", "y/1", "z/1", "x/2", "y/2", "z/2");
    // per batch size: x and z (warm-up, then three rounds in turn), then y
    List<String> batch1 = order.subList(0, 12);
    assertThat(batch1.subList(0, 8)).containsOnly("x", "z");
    assertThat(batch1.subList(8, 12)).containsOnly("y");
    assertThat(order.subList(12, 24)).isEqualTo(batch1);
  }

  @Test
  void quantilesInterpolateBetweenSortedTimes() {
    long[] t = {10, 20, 30, 40, 50};
    assertThat(InferenceBenchmark.percentile(t, 0.5)).isEqualTo(30);
    assertThat(InferenceBenchmark.percentile(t, 0.9)).isEqualTo(46);
    assertThat(InferenceBenchmark.percentile(new long[] {7}, 0.9)).isEqualTo(7);
  }

  @Test
  void batchSizesAndRepetitionsAreChecked() {
    assertThatThrownBy(() -> new InferenceBenchmark(List.of(0), 1, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[1, 4096]");
    assertThatThrownBy(() -> new InferenceBenchmark(List.of(1), 0, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("repetitions=0");
  }
}
