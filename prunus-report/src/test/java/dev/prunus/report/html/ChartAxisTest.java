package dev.prunus.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import dev.prunus.report.SyntheticRuns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

class ChartAxisTest {
  @Test
  void aSingleValueGetsARangeAroundIt() {
    ChartAxis a = ChartAxis.linear(0.88, 0.88);
    assertThat(a.min()).isCloseTo(0.836, within(1e-12));
    assertThat(a.max()).isCloseTo(0.924, within(1e-12));
    assertThat(a.position(0.88)).isCloseTo(0.5, within(1e-12));
    assertThat(ChartAxis.linear(0).min()).isEqualTo(-0.01);
    ChartAxis b = ChartAxis.logWhereWide(3, 3);
    assertThat(b.log()).as("one value spans no decade").isFalse();
    assertThat(b.position(3)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aWideRangeIsLogarithmicAndPaddedInLogSpace() {
    ChartAxis a = ChartAxis.logWhereWide(0.01, 0.1, 1, Double.NaN, 0);
    assertThat(a.log()).isTrue();
    assertThat(a.position(0.01)).isCloseTo(ChartAxis.PAD / (1 + 2 * ChartAxis.PAD), within(1e-12));
    assertThat(a.position(0.1)).isCloseTo(0.5, within(1e-12));
    assertThat(ChartAxis.logWhereWide(0.5, 1).log()).isFalse();
    assertThat(ChartAxis.logWhereWide(0.5, 1).min()).isGreaterThan(0);
  }

  /**
   * When every run shares one density, every point of the accuracy and the compression charts lies
   * inside the plot, at least 5% of the axis from its ends (unpadded, the point sat in a corner).
   */
  @Test
  void runsAtOneDensityAreDrawnInsideThePlot() {
    List<RunRow> rows = SyntheticRuns.rows(false).stream()
        .filter(r -> r.isDense() || r.targetDensity() == 0.1).toList();
    ReportData data = ReportData.of(rows);
    ResultGroups.Setting setting = new ResultGroups.Setting("lenet5", "fashion-mnist");
    List<ResultGroups.Point> pruned = data.pruned().get(setting);
    assertThat(pruned).hasSize(2);
    assertInside(AccuracyDensitySection.chart(setting, pruned, data.dense(setting)));
    assertInside(CompressionSpeedupSection.chart(setting, pruned));

    List<ResultGroups.Point> one = pruned.subList(0, 1);
    assertInside(AccuracyDensitySection.chart(setting, one, java.util.Optional.empty()));
    assertInside(CompressionSpeedupSection.chart(setting, one));
  }

  private static void assertInside(XYChart c) {
    XYStyler s = c.getStyler();
    ChartAxis x = new ChartAxis(s.getXAxisMin(), s.getXAxisMax(), s.isXAxisLogarithmic());
    ChartAxis y = new ChartAxis(s.getYAxisMin(), s.getYAxisMax(), s.isYAxisLogarithmic());
    for (XYSeries series : c.getSeriesMap().values()) {
      double[] xs = series.getXData();
      double[] ys = series.getYData();
      for (int i = 0; i < xs.length; i++) {
        assertThat(x.position(xs[i])).as(c.getTitle() + ", " + series.getName() + " x").isBetween(0.05, 0.95);
        assertThat(y.position(ys[i])).as(c.getTitle() + ", " + series.getName() + " y").isBetween(0.05, 0.95);
      }
    }
  }
}
