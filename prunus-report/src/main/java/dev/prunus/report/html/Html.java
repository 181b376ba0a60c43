package dev.prunus.report.html;

import java.util.List;

/** Small pieces of HTML, every text escaped. */
final class Html {
  private Html() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
    header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      r.forEach(c -> sb.append("<td>").append(escape(c)).append("</td>"));
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  /** A chart as an embedded image, with its title as the alternative text. */
  static String figure(String dataUri, String caption) {
    return "<figure><img class=\"chart\" src=\"" + dataUri + "\" alt=\"" + escape(caption) + "\" width=\""
        + Charts.WIDTH + "\" height=\"" + Charts.HEIGHT + "\"><figcaption>" + escape(caption)
        + "</figcaption></figure>\n";
  }

  static String paragraph(String text) {
    return "<p>" + escape(text) + "</p>\n";
  }
}
