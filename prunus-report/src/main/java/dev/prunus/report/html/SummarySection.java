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
        + "speed-up is dense over masked multiply-accumulates, structured speed-up dense over the "
        + "multiply-accumulates left once dead units are removed (what compaction realises), measured speed-up the "
        + "compacted (or sparse) model's over the dense one on libtorch, timed by prunus bench infer.")
        + Html.table(SummaryTable.HEADER, SummaryTable.rows(data.groups()))));
  }
}
