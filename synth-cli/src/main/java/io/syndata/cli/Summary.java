package io.syndata.cli;

import io.syndata.engine.RunReport;
import io.syndata.quality.FidelityReport;
import io.syndata.quality.QualityReport;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;

/** The short text summary printed at the end of a run. */
final class Summary {
  private Summary() {}

  static void print(RunReport report, PrintWriter out) {
    out.println("rows written:");
    report
        .writtenRows()
        .forEach(
            (table, rows) ->
                out.printf(
                    Locale.ROOT,
                    "  %-28s %,12d  (source %,d)%n",
                    table,
                    rows,
                    report.sourceRows().getOrDefault(table, 0L)));
    out.print("time:");
    report
        .phaseTimes()
        .forEach((phase, d) -> out.printf(Locale.ROOT, " %s %.1f s", phase, d.toMillis() / 1000.0));
    out.println();
    report.fidelity().ifPresent(f -> printFidelity(f, out));
    report.report().ifPresent(q -> printQuality(q, null, out));
    out.flush();
  }

  static void printFidelity(FidelityReport f, PrintWriter out) {
    out.println(
        "fidelity (1 = identical to the source"
            + (f.sampled() ? "; large tables compared on a sample" : "")
            + "):");
    out.printf(
        Locale.ROOT,
        "  column shapes %s   pair trends %s   cardinality %s   overall %s%n",
        pct(f.columnShapesScore()),
        pct(f.pairTrendsScore()),
        pct(f.cardinalityScore()),
        pct(f.overall()));
    f.columnShapes().stream()
        .sorted(Comparator.comparingDouble(FidelityReport.ColumnShape::score))
        .limit(3)
        .forEach(
            c ->
                out.printf(
                    Locale.ROOT,
                    "  weakest column  %-36s %s %.3f%n",
                    c.table() + "." + c.column(),
                    c.metric(),
                    c.score()));
    f.pairTrends().stream()
        .sorted(Comparator.comparingDouble(FidelityReport.PairTrend::score))
        .limit(3)
        .forEach(
            p ->
                out.printf(
                    Locale.ROOT,
                    "  weakest pair    %-36s %s %.3f%n",
                    p.table() + "." + p.left() + " ~ " + p.right(),
                    p.metric(),
                    p.score()));
    f.cardinality()
        .forEach(
            c ->
                out.printf(Locale.ROOT, "  cardinality     %-36s %.3f%n", c.relation(), c.score()));
  }

  static void printQuality(QualityReport q, java.nio.file.Path dir, PrintWriter out) {
    QualityReport.Summary s = q.summary();
    out.printf(
        Locale.ROOT,
        "quality: overall %.1f %% (grade %s) = fidelity %s, utility %s, privacy %s%n",
        100 * s.overall(),
        s.grade(),
        percent(s.fidelity()),
        percent(s.utility()),
        percent(s.privacy()));
    out.printf(
        Locale.ROOT,
        "  column shapes %s   pair trends %s   cardinality %s   inter-table trends %s   detection %s%n",
        percent(s.columnShapes()),
        percent(s.pairTrends()),
        percent(s.cardinality()),
        percent(s.intertableTrends()),
        percent(s.detection()));
    q.recommendations().stream().skip(1).forEach(r -> out.println("  - " + r));
    if (dir != null) {
      out.println("wrote " + dir.resolve("report.html") + " and " + dir.resolve("report.json"));
    }
  }

  private static String percent(OptionalDouble d) {
    return d.isPresent()
        ? String.format(Locale.ROOT, "%.1f %%", 100 * d.getAsDouble())
        : "not measured";
  }

  private static String pct(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "n/a";
  }
}
