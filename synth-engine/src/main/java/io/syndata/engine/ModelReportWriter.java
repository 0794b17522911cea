package io.syndata.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a {@link ModelReport} as {@code report.json} (every figure; non-finite ones as null) and
 * {@code report.html} (one self-contained page), each to a temporary file first and moved into
 * place. The same report gives byte-identical files.
 */
final class ModelReportWriter {
  static final String JSON_FILE = "report.json";
  static final String HTML_FILE = "report.html";

  private ModelReportWriter() {}

  static void write(ModelReport report, Path dir) {
    try {
      Files.createDirectories(dir);
      write(dir.resolve(JSON_FILE), json(report));
      write(dir.resolve(HTML_FILE), html(report));
    } catch (IOException e) {
      throw new SynthException("cannot write the report into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String json(ModelReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("kind", "model-statistics");
      g.writeStringField("model_kind", report.modelKind());
      g.writeStringField("model_source", report.modelSource());
      g.writeStringField("fitted_at", report.fittedAt().toString());
      g.writeObjectFieldStart("summary");
      number(g, "column_shapes", report.columnShapes());
      number(g, "column_pairs", report.columnPairs());
      g.writeEndObject();
      g.writeArrayFieldStart("tables");
      for (ModelReport.TableResult t : report.tables()) {
        g.writeStartObject();
        g.writeStringField("table", t.table());
        g.writeNumberField("source_rows", t.sourceRows());
        g.writeNumberField("written_rows", t.writtenRows());
        g.writeBooleanField("measured", t.measured());
        g.writeNumberField("pairs", t.pairs());
        number(g, "mean_correlation_difference", t.meanCorrelationDifference());
        number(g, "worst_correlation_difference", t.worstCorrelationDifference());
        g.writeStringField("worst_pair", t.worstPair());
        g.writeArrayFieldStart("columns");
        for (ModelReport.ColumnResult c : t.columns()) {
          g.writeStartObject();
          g.writeStringField("column", c.column());
          g.writeStringField("measure", c.measure());
          number(g, "distance", c.distance());
          number(g, "model_nulls", c.modelNulls());
          number(g, "synthetic_nulls", c.syntheticNulls());
          g.writeNumberField("unseen", c.unseen());
          number(g, "score", c.score());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new SynthException("cannot write the report as JSON: " + e.getMessage(), e);
    }
    return out + "\n";
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  static String html(ModelReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>SynData report: generated rows against the model</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:70em}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}</style></head><body>\n")
        .append("<h1>Generated rows against the model's statistics</h1>\n<p>Generated from a ")
        .append(esc(report.modelKind()))
        .append(" model fitted on ")
        .append(esc(report.modelSource()))
        .append(" at ")
        .append(esc(report.fittedAt().toString()))
        .append(". The source was not read: each column is compared with the distribution the")
        .append(" model learned (KS for continuous columns, total variation for discrete and")
        .append(" categorical ones) and each pair of columns with the learned correlation of")
        .append(" their normal scores.</p>\n<p>Column shapes <b>")
        .append(pct(report.columnShapes()))
        .append("</b>, column pairs <b>")
        .append(pct(report.columnPairs()))
        .append("</b>.</p>\n");
    for (ModelReport.TableResult t : report.tables()) {
      h.append("<h2>")
          .append(esc(t.table()))
          .append("</h2>\n<p>")
          .append(t.writtenRows())
          .append(" rows written; the source had ")
          .append(t.sourceRows())
          .append(".");
      if (!t.measured()) {
        h.append(" The model keeps no column statistics for this table.</p>\n");
        continue;
      }
      if (t.pairs() > 0) {
        h.append(" Correlations of ")
            .append(t.pairs())
            .append(" pairs differ by ")
            .append(fixed(t.meanCorrelationDifference()))
            .append(" on average, at most ")
            .append(fixed(t.worstCorrelationDifference()))
            .append(" (")
            .append(esc(t.worstPair()))
            .append(").");
      }
      h.append("</p>\n<table><tr><th>column</th><th>measure</th><th>distance</th>")
          .append("<th>NULLs, model</th><th>NULLs, generated</th><th>unseen values</th>")
          .append("<th>score</th></tr>\n");
      for (ModelReport.ColumnResult c : t.columns()) {
        h.append("<tr><td>")
            .append(esc(c.column()))
            .append("</td><td>")
            .append(c.measure())
            .append("</td><td>")
            .append(fixed(c.distance()))
            .append("</td><td>")
            .append(pct(c.modelNulls()))
            .append("</td><td>")
            .append(pct(c.syntheticNulls()))
            .append("</td><td>")
            .append(c.unseen())
            .append("</td><td>")
            .append(pct(c.score()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "\u2014";
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
