package dev.prunus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultGroupsTest {
  /** One point per (label, target density) holding its seeds; densities from dense to sparse. */
  @Test
  void groupsSeedsByLabelAndDensity() {
    Map<ResultGroups.Setting, List<ResultGroups.Point>> g = ResultGroups.of(SyntheticRuns.rows(false));
    assertThat(g).containsOnlyKeys(new ResultGroups.Setting("lenet5", "fashion-mnist"));
    List<ResultGroups.Point> points = g.values().iterator().next();
    assertThat(points).extracting(ResultGroups.Point::label)
        .containsExactly("dense", "magnitude", "magnitude", "magnitude", "random", "random", "random");
    assertThat(points).extracting(ResultGroups.Point::targetDensity).containsExactly(1.0, 0.5, 0.1, 0.02, 0.5, 0.1, 0.02);
    assertThat(points).allSatisfy(p -> assertThat(p.runs()).hasSize(3));
    assertThat(points.get(0).accuracy().format(4)).isEqualTo("0.9200 ± 0.0100");
  }

  @Test
  void theSummaryTableHasOneLinePerPoint() {
    List<List<String>> rows = SummaryTable.rows(ResultGroups.of(SyntheticRuns.rows(false)));
    assertThat(rows).hasSize(7);
    // magnitude at 0.1: accuracy 0.92 - 0.045 = 0.875 on average over seeds
    assertThat(rows.get(2)).containsExactly("lenet5", "fashion-mnist", "magnitude", "0.1", "3", "0.0892",
        "0.8750 ± 0.0100", "11.2x", "6.67x", "3.33x", "-");
  }
}
