package dev.prunus.report.html;

import dev.prunus.report.RunRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How every run was made: seed, training epochs, the data's checksum and source, versions, command. */
final class ProvenanceSection implements ReportSection {
  static final List<String> HEADER = List.of("run", "method", "seed", "epochs", "data", "SHA-256", "data source",
      "prunus", "engine", "created", "command");

  @Override
  public String title() {
    return "Provenance";
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    List<List<String>> rows = new ArrayList<>();
    for (RunRow r : data.rows()) {
      String epochs = r.has("provenance.config.training.training.epochs")
          ? r.text("provenance.config.training.training.epochs") : r.text("provenance.config.training.epochs");
      String sha = r.text("provenance.dataset.sha256");
      rows.add(List.of(r.id(), r.label(), r.text("seed"), epochs, r.text("provenance.dataset.id"),
          sha.length() > 12 ? sha.substring(0, 12) + "…" : sha, r.text("provenance.dataset.source"),
          r.text("provenance.versions.prunus"), r.text("provenance.versions.engine"), r.text("provenance.created"),
          r.text("provenance.command")));
    }
    return Optional.of(new SectionBody().html(Html.paragraph("Each run's provenance.json holds the full "
        + "configuration; the SHA-256 identifies the exact data files.") + "<div class=\"wide\">"
        + Html.table(HEADER, rows) + "</div>"));
  }
}
