package dev.prunus.report.html;

import dev.prunus.report.SummaryTable;
import java.util.Optional;

/** The summary table: each method at each density, mean ± std over seeds. */
final class SummarySection implements ReportSection {
  @Override
  public String title() {
    return "Summary";
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    return Optional.of(new SectionBody().html(Html.paragraph("Test accuracy is the mean ± sample standard deviation over seeds. "
        + "Density is the kept fraction of the prunable (conv and linear) weights; compression is its inverse; "
        + "theoretical speed-up is dense over masked multiply-accumulates.")
        + Html.table(SummaryTable.HEADER, SummaryTable.rows(data.groups()))));
  }
}
