package io.syndata.quality.report;

import static io.syndata.quality.report.Format.count;
import static io.syndata.quality.report.Format.esc;
import static io.syndata.quality.report.Format.pct;
import static io.syndata.quality.report.Format.raw;

import io.syndata.quality.RealismReport;
import java.util.Comparator;
import java.util.Locale;

/**
 * The HTML of the realism figures: plausibility per string column (weakest first) and row counts
 * per table, real against synthetic, with their drift.
 */
final class RealismSection {
  private RealismSection() {}

  static String html(RealismReport r) {
    StringBuilder out = new StringBuilder();
    out.append("<section id=\"realism\" class=\"card\">\n<h2>Realism</h2>\n");
    out.append(
            "<p class=\"note\">Plausibility: how likely each string column's synthetic values are under a"
                + " character model of its real values, against real values the model did not see (random"
                + " letters in place of words score about 30&nbsp;%). Row counts: each table's rows against"
                + " the scale of the others. Both count in fidelity; the mean plausibility or the worst table caps the"
                + " overall score at ")
        .append(esc(pct(r.cap())))
        .append(".</p>\n");
    if (!r.tables().isEmpty()) {
      out.append(
          "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table</th><th class=\"num\">Real rows</th>"
              + "<th class=\"num\">Synthetic rows</th><th class=\"num\">Drift</th><th class=\"num\">Score</th>"
              + "</tr></thead><tbody>\n");
      for (RealismReport.RowCount t : r.tables()) {
        out.append("<tr><td>")
            .append(esc(t.table()))
            .append("</td><td class=\"num\">")
            .append(esc(count(t.realRows())))
            .append("</td><td class=\"num\">")
            .append(esc(count(t.syntheticRows())))
            .append("</td><td class=\"num\">")
            .append(esc(String.format(Locale.ROOT, "%+.1f%%", 100 * t.drift())))
            .append("</td>")
            .append(cell(t.score()))
            .append("</tr>\n");
      }
      out.append("</tbody></table></div>\n");
    }
    if (!r.columns().isEmpty()) {
      out.append(
          "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Column</th><th class=\"num\">Values</th>"
              + "<th class=\"num\">Plausibility</th></tr></thead><tbody>\n");
      r.columns().stream()
          .sorted(Comparator.comparingDouble(RealismReport.Plausibility::score))
          .forEach(
              p ->
                  out.append("<tr><td>")
                      .append(esc(p.table() + "." + p.column()))
                      .append("</td><td class=\"num\">")
                      .append(esc(count(p.values())))
                      .append("</td>")
                      .append(cell(p.score()))
                      .append("</tr>\n"));
      out.append("</tbody></table></div>\n");
    }
    out.append("</section>\n");
    return out.toString();
  }

  private static String cell(double score) {
    return "<td class=\"num\"><span class=\"badge\" style=\"background:"
        + Format.scoreColour(score)
        + "\" title=\""
        + esc(raw(score))
        + "\">"
        + esc(pct(score))
        + "</span></td>";
  }
}
