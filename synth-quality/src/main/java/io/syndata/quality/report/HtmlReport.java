package io.syndata.quality.report;

import static io.syndata.quality.report.Format.NONE;
import static io.syndata.quality.report.Format.count;
import static io.syndata.quality.report.Format.esc;
import static io.syndata.quality.report.Format.fixed;
import static io.syndata.quality.report.Format.numberCell;
import static io.syndata.quality.report.Format.pct;
import static io.syndata.quality.report.Format.raw;
import static io.syndata.quality.report.Format.scoreBarCell;
import static io.syndata.quality.report.Format.scoreCell;

import io.syndata.quality.DetectionReport;
import io.syndata.quality.FidelityReport;
import io.syndata.quality.PrivacyReport;
import io.syndata.quality.QualityReport;
import io.syndata.quality.UtilityReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a quality report as one self-contained HTML page: inline CSS, inline SVG, no script and
 * nothing fetched. Sections have stable ids: {@code summary}, {@code recommendations}, {@code
 * worst}, {@code fidelity} (with {@code table-<name>} per table), {@code detection}, {@code
 * utility} and {@code privacy}.
 */
final class HtmlReport {
  /** How many of the worst columns and of the worst pairs are listed. */
  static final int WORST = 10;

  private final QualityReport report;
  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Map<String, String> tableIds = new LinkedHashMap<>();

  HtmlReport(QualityReport report) {
    this.report = report;
    Set<String> used = new HashSet<>();
    for (String table : tables()) {
      String id = "table-" + slug(table);
      String unique = id;
      for (int k = 2; !used.add(unique); k++) {
        unique = id + "-" + k;
      }
      tableIds.put(table, unique);
    }
  }

  String render() {
    QualityReport.Summary s = report.summary();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Synthetic data quality: ")
        .append(esc(pct(s.overall())))
        .append(", grade ")
        .append(esc(s.grade()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    out.append(
        "<header class=\"top\"><div class=\"wrap\"><h1>Synthetic data quality report</h1><nav>");
    for (String[] link :
        new String[][] {
          {"summary", "Summary"},
          {"recommendations", "Recommendations"},
          {"worst", "Weakest spots"},
          {"fidelity", "Fidelity"},
          {"realism", "Realism"},
          {"detection", "Detection"},
          {"utility", "Utility"},
          {"privacy", "Privacy"}
        }) {
      out.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
    }
    out.append("</nav></div></header>\n<main class=\"wrap\">\n");
    summary();
    recommendations();
    worst();
    fidelity();
    out.append(RealismSection.html(report.realism()));
    detection();
    utility();
    privacy();
    out.append(
        "</main>\n<footer class=\"wrap note\">Scores are percentages: 100&nbsp;% means the synthetic data cannot be told"
            + " from the real data by that measure. Hover over a figure or a bar for its raw value. Every number is also in"
            + " report.json.</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  // ---- sections ------------------------------------------------------------------------------

  private void summary() {
    QualityReport.Summary s = report.summary();
    QualityReport.Sampling sampling = report.sampling();
    out.append(
            "<section id=\"summary\" class=\"card\">\n<h2>Summary</h2>\n<div class=\"summary-grid\">\n<div class=\"headline\">")
        .append("<div class=\"big\" title=\"")
        .append(esc(raw(s.overall())))
        .append("\">")
        .append(esc(pct(s.overall())))
        .append("</div><div class=\"label\">overall score</div>")
        .append("<div class=\"grade\" style=\"background:")
        .append(gradeColour(s.grade()))
        .append("\">")
        .append(esc(s.grade()))
        .append("</div><div class=\"label\">grade</div></div>\n<div>");
    List<String> names =
        List.of(
            "Column shapes",
            "Pair trends",
            "Cardinality",
            "Inter-table trends",
            "Detection",
            "Plausibility",
            "Row counts",
            "Fidelity",
            "Utility",
            "Privacy");
    List<Double> scores =
        List.of(
            mean(s.columnShapes()),
            mean(s.pairTrends()),
            mean(s.cardinality()),
            mean(s.intertableTrends()),
            mean(s.detection()),
            mean(s.plausibility()),
            mean(s.rowCounts()),
            mean(s.fidelity()),
            mean(s.utility()),
            mean(s.privacy()));
    out.append(Charts.scoreBars(names, scores)).append("</div>\n</div>\n");
    out.append(
        "<p class=\"note\">Overall = fidelity 40&nbsp;%, utility 40&nbsp;%, privacy 20&nbsp;% (the weight of a part not"
            + " measured is shared among the others). Grades: A+ &ge; 90, A &ge; 80, B+ &ge; 70, B &ge; 60, C &ge; 50, F below.</p>\n");
    if (sampling.sampled()) {
      out.append("<p>Evaluated on a deterministic sample of ")
          .append(esc(count(sampling.maxRows())))
          .append(" rows per table (seed ")
          .append(sampling.seed())
          .append(").</p>\n");
    } else {
      out.append("<p>Evaluated on every row of every table (seed ")
          .append(sampling.seed())
          .append(").</p>\n");
    }
    sampling
        .fittedRows()
        .forEach(
            (table, rows) ->
                out.append("<p>The model of ")
                    .append(tableLink(table))
                    .append(" was fitted on a sample of ")
                    .append(esc(count(rows)))
                    .append(" of its ")
                    .append(esc(count(sampling.realRows().getOrDefault(table, rows))))
                    .append(
                        " rows (by a hash of the key; a child table's sample holds children of sampled"
                            + " parents only). Child counts and key formats came from every row.</p>\n"));
    if (sampling.holdout()) {
      out.append(
          "<p>Holdout rows (real rows kept out of training) were given: privacy and utility are measured against data"
              + " the generator never saw.</p>\n");
    } else {
      out.append(
          "<p>No holdout rows were given: the privacy figures that need unseen real rows (closer-to-training share,"
              + " membership inference) are not measured.</p>\n");
    }
    out.append("</section>\n");
  }

  private void recommendations() {
    out.append("<section id=\"recommendations\" class=\"card\">\n<h2>Recommendations</h2>\n");
    if (report.recommendations().isEmpty()) {
      out.append("<p>Nothing to recommend.</p>\n");
    } else {
      out.append("<ul class=\"advice\">\n");
      for (String r : report.recommendations()) {
        out.append("<li>").append(esc(r)).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void worst() {
    FidelityReport f = report.fidelity();
    out.append(
        "<section id=\"worst\" class=\"card\">\n<h2>Weakest spots</h2>\n<div class=\"two\">\n<div>\n<h3>Columns</h3>\n");
    List<FidelityReport.ColumnShape> columns =
        f.columnShapes().stream()
            .sorted(
                Comparator.comparingDouble(FidelityReport.ColumnShape::score)
                    .thenComparing(FidelityReport.ColumnShape::table)
                    .thenComparing(FidelityReport.ColumnShape::column))
            .limit(WORST)
            .toList();
    if (columns.isEmpty()) {
      out.append("<p class=\"note\">No column was compared.</p>\n");
    } else {
      out.append(
          "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table</th><th>Column</th><th>Metric</th>"
              + "<th class=\"num\">Score</th></tr></thead><tbody>\n");
      for (FidelityReport.ColumnShape c : columns) {
        out.append("<tr><td>")
            .append(tableLink(c.table()))
            .append("</td><td>")
            .append(esc(c.column()))
            .append("</td><td>")
            .append(esc(c.metric()))
            .append("</td>")
            .append(scoreBarCell(c.score()))
            .append("</tr>\n");
      }
      out.append("</tbody></table></div>\n");
    }
    out.append("</div>\n<div>\n<h3>Column pairs</h3>\n");
    record Pair(String where, String left, String right, String metric, double score) {}
    List<Pair> pairs = new ArrayList<>();
    f.pairTrends()
        .forEach(p -> pairs.add(new Pair(p.table(), p.left(), p.right(), p.metric(), p.score())));
    f.intertableTrends()
        .forEach(
            t ->
                pairs.add(
                    new Pair(t.path(), t.column(), t.ancestorColumn(), t.metric(), t.score())));
    List<Pair> weakest =
        pairs.stream()
            .sorted(
                Comparator.comparingDouble(Pair::score)
                    .thenComparing(Pair::where)
                    .thenComparing(Pair::left)
                    .thenComparing(Pair::right))
            .limit(WORST)
            .toList();
    if (weakest.isEmpty()) {
      out.append("<p class=\"note\">No column pair was compared.</p>\n");
    } else {
      out.append(
          "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table or path</th><th>Columns</th><th>Metric</th>"
              + "<th class=\"num\">Score</th></tr></thead><tbody>\n");
      for (Pair p : weakest) {
        String where = tableIds.containsKey(p.where()) ? tableLink(p.where()) : esc(p.where());
        out.append("<tr><td>")
            .append(where)
            .append("</td><td>")
            .append(esc(p.left()))
            .append(" &times; ")
            .append(esc(p.right()))
            .append("</td><td>")
            .append(esc(p.metric()))
            .append("</td>")
            .append(scoreBarCell(p.score()))
            .append("</tr>\n");
      }
      out.append("</tbody></table></div>\n");
    }
    out.append("</div>\n</div>\n</section>\n");
  }

  private void fidelity() {
    FidelityReport f = report.fidelity();
    QualityReport.Visuals v = report.visuals();
    out.append("<section id=\"fidelity\" class=\"card\">\n<h2>Fidelity</h2>\n");
    out.append(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Measure</th><th class=\"num\">Score</th>"
            + "<th class=\"num\">Compared</th><th>What it compares</th></tr></thead><tbody>\n");
    measureRow(
        "Column shapes",
        f.columnShapesScore(),
        f.columnShapes().size(),
        "each column's distribution (KS complement for numbers and dates, TV complement for categories)");
    measureRow(
        "Missing values",
        f.missingValuesScore(),
        f.missingValues().size(),
        "the share of nulls of each nullable column");
    measureRow(
        "Pair trends",
        f.pairTrendsScore(),
        f.pairTrends().size(),
        "each pair of columns of a table (correlation similarity, or contingency similarity)");
    measureRow(
        "Cardinality",
        f.cardinalityScore(),
        f.cardinality().size(),
        "the number of children per parent row of each foreign key");
    measureRow(
        "Inter-table trends",
        f.intertableTrendsScore(),
        f.intertableTrends().size(),
        "pairs of a column and a column of an ancestor table, joined along foreign keys");
    out.append("</tbody></table></div>\n");

    out.append(
        "<h3>Tables</h3>\n<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table</th>"
            + "<th class=\"num\">Real rows</th><th class=\"num\">Rows evaluated</th><th class=\"num\">Column shapes</th>"
            + "<th class=\"num\">Pair trends</th></tr></thead><tbody>\n");
    for (String table : tableIds.keySet()) {
      out.append("<tr><td>")
          .append(tableLink(table))
          .append("</td>")
          .append(countCell(report.sampling().realRows().get(table)))
          .append(countCell(rowsEvaluated(table)))
          .append(
              scoreCell(
                  mean(
                      f.columnShapes().stream()
                          .filter(c -> c.table().equals(table))
                          .mapToDouble(FidelityReport.ColumnShape::score)
                          .average())))
          .append(
              scoreCell(
                  mean(
                      f.pairTrends().stream()
                          .filter(p -> p.table().equals(table))
                          .mapToDouble(FidelityReport.PairTrend::score)
                          .average())))
          .append("</tr>\n");
    }
    out.append("</tbody></table></div>\n");
    out.append("<p class=\"legend\"><span class=\"sw\" style=\"background:")
        .append(Charts.REAL)
        .append("\"></span>real " + "<span class=\"sw\" style=\"background:")
        .append(Charts.SYNTHETIC)
        .append(
            "\"></span>synthetic"
                + " &nbsp;<span class=\"note\">Bars are shares of rows; numeric and date columns are cut into 20 equal-width bins of the"
                + " real range, labelled by their lower edge.</span></p>\n");

    Map<String, String> childOf = new HashMap<>();
    f.cardinality().forEach(c -> childOf.put(c.relation(), c.child()));
    for (Map.Entry<String, String> entry : tableIds.entrySet()) {
      String table = entry.getKey();
      out.append("<section id=\"")
          .append(esc(entry.getValue()))
          .append("\" class=\"table-section\">\n<details open><summary>")
          .append("Table <code>")
          .append(esc(table))
          .append("</code></summary>\n");
      List<QualityReport.ColumnDistribution> columns =
          v.columns().stream().filter(c -> c.table().equals(table)).toList();
      if (columns.isEmpty()) {
        out.append(
            "<p class=\"note\">No column of this table is compared (keys, text and personal data are regenerated,"
                + " not learned).</p>\n");
      } else {
        out.append("<h4>Column distributions</h4>\n<div class=\"grid\">\n");
        for (QualityReport.ColumnDistribution c : columns) {
          out.append("<figure class=\"chart\"><figcaption title=\"")
              .append(esc(c.column() + " (" + c.kind() + "): " + raw(c.score())))
              .append("\"><span class=\"name\">")
              .append(esc(c.column()))
              .append("</span> <span class=\"kind\">")
              .append(esc(c.kind()))
              .append("</span>")
              .append(badge(c.score()))
              .append("</figcaption>")
              .append(
                  Charts.bars(
                      c.labels(),
                      List.of(
                          new Charts.Series("real", Charts.REAL, c.real()),
                          new Charts.Series("synthetic", Charts.SYNTHETIC, c.synthetic())),
                      false,
                      ""))
              .append("</figure>\n");
        }
        out.append("</div>\n");
      }
      v.correlations().stream()
          .filter(m -> m.table().equals(table))
          .forEach(m -> heatmap(m, columns));
      missingValues(table);
      List<QualityReport.CardinalityHistogram> histograms =
          v.cardinality().stream()
              .filter(
                  h -> table.equals(childOf.getOrDefault(h.relation(), prefixTable(h.relation()))))
              .toList();
      if (!histograms.isEmpty()) {
        out.append("<h4>Children per parent</h4>\n<div class=\"grid\">\n");
        for (QualityReport.CardinalityHistogram h : histograms) {
          cardinalityChart(h);
        }
        out.append("</div>\n");
      }
      out.append("</details>\n</section>\n");
    }
    List<QualityReport.CardinalityHistogram> unplaced =
        v.cardinality().stream()
            .filter(
                h ->
                    !tableIds.containsKey(
                        childOf.getOrDefault(h.relation(), prefixTable(h.relation()))))
            .toList();
    if (!unplaced.isEmpty()) {
      out.append("<h3>Children per parent</h3>\n<div class=\"grid\">\n");
      unplaced.forEach(this::cardinalityChart);
      out.append("</div>\n");
    }
    out.append("</section>\n");
  }

  private void measureRow(String name, OptionalDouble score, int compared, String what) {
    out.append("<tr><td>")
        .append(esc(name))
        .append("</td>")
        .append(scoreBarCell(mean(score)))
        .append("<td class=\"num\">")
        .append(count(compared))
        .append("</td><td class=\"note\">")
        .append(esc(what))
        .append("</td></tr>\n");
  }

  private void heatmap(
      QualityReport.CorrelationMatrix m, List<QualityReport.ColumnDistribution> distributions) {
    Map<String, String> kinds = new HashMap<>();
    distributions.forEach(d -> kinds.put(d.column(), d.kind()));
    int n = m.columns().size();
    double[][] diff = new double[n][n];
    String[][] tips = new String[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double r = cell(m.real(), i, j);
        double s = cell(m.synthetic(), i, j);
        diff[i][j] = Double.isFinite(r) && Double.isFinite(s) ? Math.abs(r - s) : Double.NaN;
        boolean pearson =
            isOrdered(kinds.get(m.columns().get(i))) && isOrdered(kinds.get(m.columns().get(j)));
        tips[i][j] =
            i == j
                ? m.columns().get(i)
                : m.columns().get(i)
                    + " \u00d7 "
                    + m.columns().get(j)
                    + " ("
                    + (pearson ? "Pearson correlation" : "Cram\u00e9r's V")
                    + ")\nreal "
                    + raw(r)
                    + ", synthetic "
                    + raw(s)
                    + "\n|difference| "
                    + raw(diff[i][j]);
      }
    }
    out.append(
        "<h4>Association differences</h4>\n<p class=\"note\">Each cell is |real &minus; synthetic| of the pair's association"
            + " (Pearson correlation for two numeric or date columns, Cram&eacute;r&#39;s V otherwise): white is kept, dark red is lost.");
    if (n < distinctColumns(m.table())) {
      out.append(" Only the first ").append(n).append(" columns are shown.");
    }
    out.append("</p>\n<div class=\"scroll\">")
        .append(Charts.heatmap(m.columns(), diff, tips))
        .append("</div>\n");
  }

  private void missingValues(String table) {
    List<FidelityReport.MissingValues> missing =
        report.fidelity().missingValues().stream().filter(m -> m.table().equals(table)).toList();
    if (missing.isEmpty()) {
      return;
    }
    out.append(
        "<h4>Missing values</h4>\n<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Column</th>"
            + "<th class=\"num\">Real nulls</th><th class=\"num\">Synthetic nulls</th><th class=\"num\">Score</th></tr></thead><tbody>\n");
    for (FidelityReport.MissingValues m : missing) {
      out.append("<tr><td>")
          .append(esc(m.column()))
          .append("</td>")
          .append(scoreCell(m.realShare()))
          .append(scoreCell(m.syntheticShare()))
          .append(scoreBarCell(m.score()))
          .append("</tr>\n");
    }
    out.append("</tbody></table></div>\n");
  }

  private void cardinalityChart(QualityReport.CardinalityHistogram h) {
    out.append("<figure class=\"chart\"><figcaption title=\"")
        .append(esc(h.relation() + ": " + raw(h.score())))
        .append("\"><span class=\"name\">")
        .append(esc(h.relation()))
        .append("</span>")
        .append(badge(h.score()))
        .append("</figcaption>")
        .append(
            Charts.bars(
                h.labels(),
                List.of(
                    new Charts.Series("real", Charts.REAL, h.real()),
                    new Charts.Series("synthetic", Charts.SYNTHETIC, h.synthetic())),
                false,
                "children per parent row"))
        .append("</figure>\n");
  }

  private void detection() {
    DetectionReport d = report.detection();
    out.append("<section id=\"detection\" class=\"card\">\n<h2>Detection</h2>\n");
    if (d.tables().isEmpty()) {
      out.append("<p>Detection was not measured.</p>\n</section>\n");
      return;
    }
    out.append(
            "<p class=\"note\">Classifiers try to tell real rows from synthetic ones; their ROC AUC is cross-validated over ")
        .append(d.folds())
        .append(
            " folds (0.5: indistinguishable, 1: always told apart). Score = 1 &minus; (2&middot;max(AUC,"
                + " 0.5) &minus; 1) of the better classifier. Mean score: <b title=\"")
        .append(esc(raw(mean(d.score()))))
        .append("\">")
        .append(esc(pct(d.score())))
        .append("</b>.</p>\n");
    out.append(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table</th><th>Variant</th><th class=\"num\">Rows per side</th>"
            + "<th class=\"num\">Logistic regression AUC</th><th class=\"num\">Boosted trees AUC</th><th class=\"num\">Score</th>"
            + "</tr></thead><tbody>\n");
    for (DetectionReport.TableDetection t : d.tables()) {
      out.append("<tr><td>")
          .append(tableLink(t.table()))
          .append("</td><td>")
          .append(esc(t.variant()))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(count(t.rowsPerSide()))
          .append("</td>")
          .append(numberCell(t.logisticAuc(), 3))
          .append(numberCell(t.boostedTreesAuc(), 3))
          .append(scoreBarCell(t.score()))
          .append("</tr>\n");
    }
    out.append("</tbody></table></div>\n</section>\n");
  }

  private void utility() {
    out.append("<section id=\"utility\" class=\"card\">\n<h2>Machine-learning utility</h2>\n");
    if (report.utility().isEmpty()) {
      out.append(
          "<p>No <code>--target</code> column was given, so machine-learning utility was not measured.</p>\n</section>\n");
      return;
    }
    UtilityReport u = report.utility().get();
    out.append("<p>Predicting <code>")
        .append(esc(u.table() + "." + u.target()))
        .append("</code> (")
        .append(esc(u.task()))
        .append(") with ")
        .append(esc(count(u.trainRows())))
        .append(" training rows, tested on ")
        .append(esc(count(u.testRows())))
        .append(" real holdout rows. Score: <b title=\"")
        .append(esc(raw(u.score())))
        .append("\">")
        .append(esc(pct(u.score())))
        .append(
            "</b> (models trained on synthetic data against models trained on real data).</p>\n")
        .append(
            "<p class=\"note\">TRTR: trained on real, tested on real (the reference). TSTR: trained on synthetic, tested on"
                + " real. TRTS: trained on real, tested on synthetic.</p>\n");
    if (u.results().isEmpty()) {
      out.append("<p class=\"note\">No model result.</p>\n</section>\n");
      return;
    }
    String[] names = {"Accuracy", "F1", "ROC AUC", "R\u00b2", "MAE"};
    // only the metrics that apply to the task (the others are NaN throughout)
    List<Integer> metrics = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      int m = k;
      if (u.results().stream().anyMatch(r -> Double.isFinite(metric(r, m)))) {
        metrics.add(k);
      }
    }
    out.append(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Model</th><th>Scenario</th>");
    for (int k : metrics) {
      out.append("<th class=\"num\">").append(esc(names[k])).append("</th>");
    }
    out.append("</tr></thead><tbody>\n");
    for (UtilityReport.ModelResult r : u.results()) {
      out.append("<tr><td>")
          .append(esc(r.model().replace('_', ' ')))
          .append("</td><td>")
          .append(esc(r.scenario()))
          .append("</td>");
      for (int k : metrics) {
        double v = metric(r, k);
        out.append(
            k == 4
                ? "<td class=\"num\" title=\""
                    + esc(raw(v))
                    + "\">"
                    + esc(Double.isFinite(v) ? raw(v) : NONE)
                    + "</td>"
                : numberCell(v, 3));
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n</section>\n");
  }

  private static double metric(UtilityReport.ModelResult r, int k) {
    return switch (k) {
      case 0 -> r.accuracy();
      case 1 -> r.f1();
      case 2 -> r.rocAuc();
      case 3 -> r.r2();
      default -> r.mae();
    };
  }

  private void privacy() {
    PrivacyReport p = report.privacy();
    out.append("<section id=\"privacy\" class=\"card\">\n<h2>Privacy</h2>\n");
    if (p.tables().isEmpty()) {
      out.append("<p>Privacy was not measured.</p>\n</section>\n");
      return;
    }
    out.append(
        "<p class=\"note\">Distances are Gower distances over the compared columns. Exact matches: synthetic rows equal to a"
            + " training row (ideal 0&nbsp;%); holdout exact matches: unseen real rows equal to a training row, what chance alone gives."
            + " Closer to training: synthetic rows whose nearest real row is a training row rather"
            + " than a holdout row (ideal 50&nbsp;%). NNDR: nearest over second-nearest training distance (near 1 is safe)."
            + " Membership AUC: telling training from holdout rows by their distance to the synthetic data (ideal 0.5).</p>\n");
    out.append(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Table</th><th class=\"num\">Synthetic rows</th>"
            + "<th class=\"num\">Training rows</th><th class=\"num\">Holdout rows</th><th class=\"num\">Exact matches</th><th class=\"num\">Holdout exact matches</th>"
            + "<th class=\"num\">Closer to training</th><th class=\"num\">NNDR median</th><th class=\"num\">Membership AUC</th>"
            + "<th class=\"num\">Score</th></tr></thead><tbody>\n");
    for (PrivacyReport.TablePrivacy t : p.tables()) {
      out.append("<tr><td>")
          .append(tableLink(t.table()))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(count(t.syntheticRows()))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(count(t.trainingRows()))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(t.holdoutRows() > 0 ? count(t.holdoutRows()) : NONE)
          .append("</td>")
          .append(scoreCell(t.exactMatchShare()))
          .append(scoreCell(mean(t.holdoutExactMatchShare())))
          .append(scoreCell(mean(t.closerToTrainingShare())))
          .append(numberCell(t.nndrMedian(), 3))
          .append(numberCell(mean(t.membershipAuc()), 3))
          .append(scoreBarCell(t.score()))
          .append("</tr>\n");
    }
    out.append("</tbody></table></div>\n<div class=\"grid wide\">\n");
    for (PrivacyReport.TablePrivacy t : p.tables()) {
      out.append("<div class=\"chart\" id=\"privacy-")
          .append(esc(slug(t.table())))
          .append("\"><h4 class=\"caption\">")
          .append("<span class=\"name\">")
          .append(esc(t.table()))
          .append("</span>")
          .append(badge(t.score()))
          .append("</h4>\n");
      dcr(t);
      if (!t.attributeInference().isEmpty()) {
        out.append(
            "<table class=\"data\"><thead><tr><th>Sensitive column</th><th class=\"num\">Inference accuracy</th>"
                + "<th class=\"num\">Baseline</th><th class=\"num\">Risk</th></tr></thead><tbody>\n");
        for (PrivacyReport.AttributeInference a : t.attributeInference()) {
          out.append("<tr><td>")
              .append(esc(a.column()))
              .append("</td>")
              .append(scoreCell(a.accuracy()))
              .append(scoreCell(a.baseline()))
              .append(numberCell(a.risk(), 3))
              .append("</tr>\n");
        }
        out.append("</tbody></table>\n");
      }
      out.append("</div>\n");
    }
    out.append("</div>\n</section>\n");
  }

  /** Distance to the closest training row: synthetic rows and holdout rows overlaid, as shares. */
  private void dcr(PrivacyReport.TablePrivacy t) {
    List<Double> synthetic = shares(t.dcrSynthetic());
    if (synthetic.isEmpty()) {
      return;
    }
    int bins = synthetic.size();
    double width = t.dcrMax() / bins;
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      labels.add(
          Double.isFinite(width)
              ? fixed(b * width, width >= 0.1 ? 1 : width >= 0.01 ? 2 : 3)
              : Integer.toString(b));
    }
    List<Charts.Series> series = new ArrayList<>();
    series.add(new Charts.Series("synthetic \u2192 training", Charts.SYNTHETIC, synthetic));
    t.dcrHoldout()
        .ifPresent(
            h ->
                series.add(
                    new Charts.Series("holdout \u2192 training", Charts.HOLDOUT, shares(h))));
    out.append(Charts.bars(labels, series, true, "distance to the closest training row"));
    if (t.dcrHoldout().isEmpty()) {
      out.append(
          "<p class=\"note\">Without holdout rows there is no reference distribution to compare with.</p>\n");
    } else {
      out.append(
          "<p class=\"note\">Synthetic rows should lie no closer to the training rows than unseen real rows do.</p>\n");
    }
  }

  private static List<Double> shares(List<Integer> counts) {
    long total = counts.stream().mapToLong(Integer::longValue).sum();
    return counts.stream().map(c -> total == 0 ? 0.0 : c / (double) total).toList();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Table names in the order the report first mentions them (schema order), then the rest sorted.
   */
  private List<String> tables() {
    Set<String> ordered = new LinkedHashSet<>();
    report.fidelity().columnShapes().forEach(c -> ordered.add(c.table()));
    report.visuals().columns().forEach(c -> ordered.add(c.table()));
    report.visuals().correlations().forEach(c -> ordered.add(c.table()));
    report.fidelity().cardinality().forEach(c -> ordered.add(c.child()));
    Set<String> rest = new TreeSet<>(report.fidelity().rowsCompared().keySet());
    rest.addAll(report.sampling().realRows().keySet());
    ordered.addAll(rest);
    return List.copyOf(ordered);
  }

  private long rowsEvaluated(String table) {
    Long evaluated = report.sampling().evaluatedRows().get(table);
    return evaluated != null
        ? evaluated
        : report.fidelity().rowsCompared().getOrDefault(table, -1L);
  }

  private static String countCell(Long n) {
    return "<td class=\"num\">" + (n == null || n < 0 ? NONE : count(n)) + "</td>";
  }

  private String tableLink(String table) {
    String id = tableIds.get(table);
    return id == null ? esc(table) : "<a href=\"#" + esc(id) + "\">" + esc(table) + "</a>";
  }

  private int distinctColumns(String table) {
    return (int) report.visuals().columns().stream().filter(c -> c.table().equals(table)).count();
  }

  private static String prefixTable(String relation) {
    int paren = relation.indexOf('(');
    return paren > 0 ? relation.substring(0, paren) : relation;
  }

  private static boolean isOrdered(String kind) {
    return "numeric".equals(kind) || "datetime".equals(kind);
  }

  private static double cell(List<List<Double>> m, int i, int j) {
    if (i >= m.size() || j >= m.get(i).size() || m.get(i).get(j) == null) {
      return Double.NaN;
    }
    return m.get(i).get(j);
  }

  private static double mean(OptionalDouble d) {
    return d.orElse(Double.NaN);
  }

  private static String badge(double score) {
    return "<span class=\"badge\" style=\"background:"
        + Format.scoreColour(score)
        + "\" title=\""
        + esc(raw(score))
        + "\">"
        + esc(pct(score))
        + "</span>";
  }

  private static String gradeColour(String grade) {
    return switch (grade == null ? "" : grade) {
      case "A+", "A" -> "#2e9e5b";
      case "B+", "B" -> "#d9a21b";
      case "C" -> "#e8833a";
      default -> "#d64545";
    };
  }

  /**
   * Letters, digits, '-', '_' and '.' as they are; anything else as '~' and its code point in hex.
   */
  static String slug(String name) {
    StringBuilder s = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                s.appendCodePoint(c);
              } else {
                s.append('~').append(Integer.toHexString(c).toLowerCase(Locale.ROOT));
              }
            });
    return s.toString();
  }

  private static final String CSS =
      """
      :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--link:#2f6db5}
      *{box-sizing:border-box}
      html{scroll-behavior:smooth}
      body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
      .wrap{max-width:1240px;margin:0 auto;padding:0 20px}
      header.top{background:#fff;border-bottom:1px solid var(--line)}
      header.top .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 28px;padding-top:14px;padding-bottom:12px}
      h1{font-size:21px;margin:0}
      nav a{margin-right:16px;color:var(--link);text-decoration:none;white-space:nowrap}
      nav a:hover{text-decoration:underline}
      a{color:var(--link)}
      main{min-width:0}
      section.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:18px 0;min-width:0}
      h2{font-size:19px;margin:0 0 12px}
      h3{font-size:15px;margin:18px 0 8px}
      h4{font-size:14px;margin:16px 0 8px;color:#323f4b}
      code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f2f5;padding:1px 5px;border-radius:4px}
      .note{color:var(--muted);font-size:13px}
      .summary-grid{display:grid;grid-template-columns:200px minmax(0,1fr);gap:24px;align-items:center}
      .headline{text-align:center}
      .big{font-size:54px;font-weight:700;line-height:1.05;letter-spacing:-1px}
      .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em;margin-bottom:10px}
      .grade{display:inline-block;min-width:64px;font-size:30px;font-weight:700;padding:2px 14px;border-radius:8px;color:#fff;margin-top:6px}
      .advice li{margin:4px 0}
      .two{display:flex;flex-wrap:wrap;gap:4px 40px}
      .two>div{flex:0 1 auto;min-width:0;max-width:100%}
      .scroll{overflow-x:auto;max-width:100%}
      table.data{border-collapse:collapse;font-size:13px;margin:4px 0 8px}
      table.data th,table.data td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:middle}
      table.data th{font-weight:600;color:#323f4b;background:#f8f9fb;white-space:normal;vertical-align:bottom}
      table.data .num{text-align:right;font-variant-numeric:tabular-nums}
      table.data td.note{white-space:normal}
      .mini{display:inline-block;width:64px;height:8px;background:#eef1f4;border-radius:4px;margin-right:8px;vertical-align:1px;overflow:hidden}
      .mini>span{display:block;height:100%}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
      .grid.wide{grid-template-columns:repeat(auto-fill,minmax(520px,1fr))}
      .chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fff;min-width:0}
      .chart figcaption,.chart .caption{display:flex;align-items:center;gap:8px;margin:0 0 4px;font-size:13px;font-weight:600}
      .chart .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
      .chart .kind{color:var(--muted);font-weight:400;font-size:12px}
      .badge{margin-left:auto;color:#fff;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
      svg{display:block;max-width:100%;height:auto;font-family:inherit}
      .chart>svg{width:100%}
      .legend{font-size:13px}
      .legend .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin:0 4px 0 8px}
      .table-section{border-top:1px solid var(--line);margin-top:16px;padding-top:8px}
      details>summary{cursor:pointer;font-size:16px;font-weight:600;padding:4px 0}
      footer{padding:8px 20px 32px}
      """;
}
