package io.syndata.cli;

import io.syndata.engine.RunReport;
import io.syndata.quality.FidelityReport;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;

/** The short text summary printed at the end of a run. */
final class Summary {
  private Summary() {}

  static void print(RunReport report, PrintWriter out) {
    out.println("rows written:");
    report.writtenRows().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-28s %,12d  (source %,d)%n",
        table, rows, report.sourceRows().getOrDefault(table, 0L)));
    out.print("time:");
    report.phaseTimes().forEach((phase, d) -> out.printf(Locale.ROOT, " %s %.1f s", phase, d.toMillis() / 1000.0));
    out.println();
    report.fidelity().ifPresent(f -> printFidelity(f, out));
    out.flush();
  }

  static void printFidelity(FidelityReport f, PrintWriter out) {
    out.println("fidelity (1 = identical to the source" + (f.sampled() ? "; large tables compared on a sample" : "") + "):");
    out.printf(Locale.ROOT, "  column shapes %s   pair trends %s   cardinality %s   overall %s%n",
        pct(f.columnShapesScore()), pct(f.pairTrendsScore()), pct(f.cardinalityScore()), pct(f.overall()));
    f.columnShapes().stream().sorted(Comparator.comparingDouble(FidelityReport.ColumnShape::score)).limit(3)
        .forEach(c -> out.printf(Locale.ROOT, "  weakest column  %-36s %s %.3f%n", c.table() + "." + c.column(), c.metric(), c.score()));
    f.pairTrends().stream().sorted(Comparator.comparingDouble(FidelityReport.PairTrend::score)).limit(3)
        .forEach(p -> out.printf(Locale.ROOT, "  weakest pair    %-36s %s %.3f%n", p.table() + "." + p.left() + " ~ " + p.right(), p.metric(), p.score()));
    f.cardinality().forEach(c -> out.printf(Locale.ROOT, "  cardinality     %-36s %.3f%n", c.relation(), c.score()));
  }

  private static String pct(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "n/a";
  }
}
