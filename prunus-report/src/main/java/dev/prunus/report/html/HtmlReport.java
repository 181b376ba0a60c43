package dev.prunus.report.html;

import dev.prunus.io.AtomicFiles;
import dev.prunus.report.RunRow;
import dev.prunus.run.Versions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      new RoundTrajectorySection(),
      new DetailScatterSection("Relational graphs: ASPL against accuracy", "pruning.details.aspl",
          "average shortest path length of the relational graph",
          "Test accuracy against the ASPL of each run's relational graph (RGP and Small-World runs); RGP's "
              + "claim is that lower ASPL gives higher accuracy"),
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

  /** A rendered report: the HTML, and its charts in order of appearance. */
  public record Rendered(String html, List<SectionBody.Figure> figures) {
    public Rendered {
      figures = List.copyOf(figures);
    }
  }

  /** The report's HTML on {@code rows}; {@code sources} names the directories they came from. */
  public String render(List<RunRow> rows, List<String> sources) {
    return build(rows, sources).html();
  }

  /** The report on {@code rows}, with its charts; {@code sources} names the directories they came from. */
  public Rendered build(List<RunRow> rows, List<String> sources) {
    ReportData data = ReportData.of(rows);
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Prunus report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Prunus report</h1>\n")
        .append(Html.paragraph(rows.size() + " runs from " + String.join(", ", sources) + "; written by prunus "
            + Versions.prunus() + "."));
    List<SectionBody.Figure> figures = new ArrayList<>();
    for (ReportSection s : sections) {
      Optional<SectionBody> body = s.render(data);
      body.ifPresent(b -> {
        sb.append("<section>\n<h2>").append(Html.escape(s.title())).append("</h2>\n").append(b.toHtml())
            .append("</section>\n");
        figures.addAll(b.figures());
      });
    }
    return new Rendered(sb.append("</body>\n</html>\n").toString(), figures);
  }

  /** Writes the report to {@code out} atomically, and returns it. */
  public Rendered write(Path out, List<RunRow> rows, List<String> sources) {
    Rendered r = build(rows, sources);
    AtomicFiles.writeString(out, r.html());
    return r;
  }

  /**
   * Writes each chart into {@code dir} (created if missing) as {@code NN-TITLE.png}: NN its place in the
   * report from 01, TITLE its title in lower case with every run of other characters than letters and
   * digits made one hyphen. Each file is written atomically. Returns the files in order.
   */
  public static List<Path> writeCharts(Path dir, List<SectionBody.Figure> figures) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s.png", i + 1, slug(figures.get(i).title())));
      byte[] png = figures.get(i).png();
      AtomicFiles.write(file, o -> o.write(png));
      out.add(file);
    }
    return out;
  }

  static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "chart" : s;
  }
}
