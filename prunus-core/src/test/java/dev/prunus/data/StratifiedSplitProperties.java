package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StratifiedSplitProperties {

  @Property(tries = 300)
  void partsArePartitionsWithProportionalClassShares(
      @ForAll @Size(max = 200) int[] rawLabels,
      @ForAll @IntRange(min = 0, max = 1000) int heldOutPerMille,
      @ForAll long seed) {
    int numClasses = 5;
    int[] labels = Arrays.stream(rawLabels).map(v -> Math.floorMod(v, numClasses)).toArray();
    int heldOut = (int) ((long) labels.length * heldOutPerMille / 1000);

    StratifiedSplit.Parts parts = StratifiedSplit.split(labels, numClasses, heldOut, seed);

    assertThat(parts.heldOut()).hasSize(heldOut).isSorted();
    assertThat(parts.kept()).hasSize(labels.length - heldOut).isSorted();
    int[] all = new int[labels.length];
    System.arraycopy(parts.kept(), 0, all, 0, parts.kept().length);
    System.arraycopy(parts.heldOut(), 0, all, parts.kept().length, heldOut);
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i]).isEqualTo(i);
    }
    int[] perClass = new int[numClasses];
    int[] heldPerClass = new int[numClasses];
    for (int label : labels) {
      perClass[label]++;
    }
    for (int i : parts.heldOut()) {
      heldPerClass[labels[i]]++;
    }
    for (int c = 0; c < numClasses; c++) {
      double share = labels.length == 0 ? 0 : (double) heldOut * perClass[c] / labels.length;
      assertThat((double) heldPerClass[c]).isBetween(Math.floor(share), Math.ceil(share));
    }
    StratifiedSplit.Parts again = StratifiedSplit.split(labels, numClasses, heldOut, seed);
    assertThat(again.heldOut()).containsExactly(parts.heldOut());
  }
}
