package dev.prunus.report.html;

import java.util.Optional;

/**
 * One section of the HTML report. A section finds its data in the runs' rows (dotted keys of
 * metrics.json, see {@link dev.prunus.report.RunRow}) and returns nothing when the runs do not carry
 * it, so a section for a method's own measure appears exactly when runs of that method are shown. To add
 * one, implement this and list it in {@link HtmlReport#STANDARD_SECTIONS} (or pass it to
 * {@link HtmlReport#HtmlReport(java.util.List)}).
 */
public interface ReportSection {
  /** The section's heading. */
  String title();

  /** The section's body, or empty when the runs hold nothing for it. */
  Optional<SectionBody> render(ReportData data);
}
