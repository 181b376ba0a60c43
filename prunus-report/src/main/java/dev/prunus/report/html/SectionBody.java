package dev.prunus.report.html;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a report section holds, in order: pieces of HTML and charts. The report embeds each chart as a
 * PNG data URI; {@code prunus report --charts DIR} also writes it as a file, so the same charts can go
 * into a README or a paper.
 */
public final class SectionBody {
  /** One chart: its title (it names the file), its PNG bytes and the caption under it. */
  public record Figure(String title, byte[] png, String caption) {}

  private sealed interface Part permits Markup, Drawn {}

  private record Markup(String html) implements Part {}

  private record Drawn(Figure figure) implements Part {}

  private final List<Part> parts = new ArrayList<>();

  /** Appends HTML as it is (the caller escapes its text). */
  public SectionBody html(String html) {
    parts.add(new Markup(html));
    return this;
  }

  /** Draws {@code chart} and appends it with {@code caption}. */
  public SectionBody figure(Chart<?, ?> chart, String caption) {
    parts.add(new Drawn(new Figure(chart.getTitle(), Charts.pngBytes(chart), caption)));
    return this;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The charts, in order. */
  public List<Figure> figures() {
    return parts.stream().filter(Drawn.class::isInstance).map(p -> ((Drawn) p).figure()).toList();
  }

  /** The body as HTML, every chart embedded. */
  public String toHtml() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Markup m) {
        sb.append(m.html());
      } else if (p instanceof Drawn d) {
        sb.append(Html.figure(Charts.dataUri(d.figure().png()), d.figure().caption()));
      }
    }
    return sb.toString();
  }
}
