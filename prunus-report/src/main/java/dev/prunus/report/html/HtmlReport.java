package dev.prunus.report.html;

import dev.prunus.io.AtomicFiles;
import dev.prunus.report.RunRow;
import dev.prunus.run.Versions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The HTML report of {@code prunus report}, in the spirit of ShrinkBench (Blalock et al., "What is the
 * state of neural network pruning?", MLSys 2020): every method's accuracy against density with the
 * spread over seeds, compression against theoretical speed-up, where each method put its budget per
 * layer, the method-specific measures the runs carry (RGP's ASPL, Small-World's sigma, the data-free
 * saliency curve), and the provenance of every run. One self-contained file: charts are embedded PNG
 * data URIs, styles are inline, there are no scripts and no external references.
 */
public final class HtmlReport {
  /** The sections in order. Method sections appear only when the runs' metrics carry their keys. */
  public static final List<ReportSection> STANDARD_SECTIONS = List.of(
      new SummarySection(),
      new AccuracyDensitySection(),
      new CompressionSpeedupSection(),
      new LayerDensitySection(),
      new DetailScatterSection("RGP: ASPL against accuracy", "pruning.details.aspl",
          "average shortest path length of the relational graph",
          "Test accuracy against the ASPL of each run's relational graph; RGP's claim is that lower ASPL gives "
              + "higher accuracy"),
      new DetailScatterSection("Small-World: sigma against accuracy", "pruning.details.sigma",
          "small-world coefficient sigma of the relational graph",
          "Test accuracy against the small-world coefficient sigma of each run's graph"),
      new DetailCurveSection("Data-free: saliency curve", "pruning.details.layers", "saliency", "neurons removed",
          "saliency of the removed pair",
          "Saliency of each successive neuron merge; the knee is where merging starts to cost accuracy"),
      new ProvenanceSection());

  private static final String STYLE = """
      body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;\
      background:#fff}
      h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
      table{border-collapse:collapse;font-size:.85em;margin:1em 0}
      th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
      th{background:#f4f4f4}tbody tr:nth-child(even){background:#fafafa}
      figure{margin:1em 0}figcaption{font-size:.85em;color:#555;max-width:760px}
      img.chart{display:block;border:1px solid #eee}
      .wide{overflow-x:auto}.wide td{font-size:.8em}
      """;

  private final List<ReportSection> sections;

  public HtmlReport(List<ReportSection> sections) {
    this.sections = List.copyOf(sections);
  }

  public static HtmlReport standard() {
    return new HtmlReport(STANDARD_SECTIONS);
  }

  /** The report on {@code rows}; {@code sources} names the directories they came from. */
  public String render(List<RunRow> rows, List<String> sources) {
    ReportData data = ReportData.of(rows);
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Prunus report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Prunus report</h1>\n")
        .append(Html.paragraph(rows.size() + " runs from " + String.join(", ", sources) + "; written by prunus "
            + Versions.prunus() + "."));
    for (ReportSection s : sections) {
      Optional<String> body = s.render(data);
      body.ifPresent(b -> sb.append("<section>\n<h2>").append(Html.escape(s.title())).append("</h2>\n").append(b)
          .append("</section>\n"));
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  /** Writes the report to {@code out} atomically. */
  public void write(Path out, List<RunRow> rows, List<String> sources) {
    AtomicFiles.writeString(out, render(rows, sources));
  }
}
