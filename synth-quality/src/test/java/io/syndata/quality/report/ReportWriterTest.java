package io.syndata.quality.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.quality.Fidelity;
import io.syndata.quality.QualityReport;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final QualityReport REPORT = ReportFixture.report();

  @Test
  void jsonSummaryHoldsTheHeadlineFiguresWithNullForTheUnmeasured() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportWriter.json(REPORT));
    JsonNode summary = root.get("summary");
    assertThat(summary.get("column_shapes").asDouble()).isEqualTo(0.9125);
    assertThat(summary.get("pair_trends").asDouble()).isEqualTo(0.8);
    assertThat(summary.get("cardinality").asDouble()).isEqualTo(0.75);
    assertThat(summary.get("intertable_trends").asDouble()).isEqualTo(0.7);
    assertThat(summary.get("detection").asDouble()).isEqualTo(0.6);
    assertThat(summary.get("utility").isNull()).isTrue();
    assertThat(summary.get("privacy").asDouble()).isEqualTo(0.95);
    assertThat(summary.get("overall").asDouble()).isEqualTo(0.8);
    assertThat(summary.get("grade").asText()).isEqualTo("A");
    List<String> top = new ArrayList<>();
    root.fieldNames().forEachRemaining(top::add);
    assertThat(top)
        .containsExactly(
            "summary",
            "sampling",
            "fidelity",
            "realism",
            "detection",
            "utility",
            "privacy",
            "visuals",
            "recommendations");
  }

  @Test
  void theReportNamesTheTablesFittedOnASample() throws Exception {
    assertThat(
            new ObjectMapper()
                .readTree(ReportWriter.json(REPORT))
                .get("sampling")
                .get("fitted_rows"))
        .isEmpty();
    assertThat(ReportWriter.html(REPORT)).doesNotContain("was fitted on a sample");
    QualityReport sampled = REPORT.withFittedRows(java.util.Map.of("orders", 1_000L));
    JsonNode fitted =
        new ObjectMapper().readTree(ReportWriter.json(sampled)).get("sampling").get("fitted_rows");
    assertThat(fitted.get("orders").asLong()).isEqualTo(1_000);
    assertThat(ReportWriter.html(sampled))
        .contains("was fitted on a sample of 1,000 of its")
        .contains("children of sampled parents only");
  }

  @Test
  void jsonWritesNanAsNullAndKeepsEveryNumber() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportWriter.json(REPORT));
    JsonNode aggregated = root.get("detection").get("tables").get(2);
    assertThat(aggregated.get("boosted_trees_auc").isNull()).isTrue();
    assertThat(aggregated.get("logistic_auc").asDouble()).isEqualTo(0.58);
    assertThat(root.get("detection").get("score").asDouble())
        .isCloseTo((0.68 + 0.38 + 0.84) / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(root.get("utility").get("results").get(0).get("r2").isNull()).isTrue();
    assertThat(root.get("utility").get("results").get(0).get("roc_auc").asDouble()).isEqualTo(0.83);
    JsonNode child = root.get("privacy").get("tables").get(1);
    assertThat(child.get("closer_to_training_share").isNull()).isTrue();
    assertThat(child.get("dcr_holdout").isNull()).isTrue();
    assertThat(child.get("dcr_synthetic")).hasSize(20);
    assertThat(root.get("fidelity").get("column_shapes"))
        .hasSize(REPORT.fidelity().columnShapes().size());
    assertThat(root.get("fidelity").get("column_shapes_score").asDouble())
        .isEqualTo(REPORT.fidelity().columnShapesScore().getAsDouble());
    assertThat(root.get("sampling").get("real_rows").get(ReportFixture.CHILD).asLong())
        .isEqualTo(REPORT.sampling().realRows().get(ReportFixture.CHILD));
    assertThat(ReportWriter.json(REPORT)).doesNotContain("NaN", "Infinity");
  }

  @Test
  void everyComparedColumnHasADistributionInTheJson() throws Exception {
    JsonNode columns =
        new ObjectMapper().readTree(ReportWriter.json(REPORT)).get("visuals").get("columns");
    List<String> plotted = new ArrayList<>();
    columns.forEach(c -> plotted.add(c.get("table").asText() + "." + c.get("column").asText()));
    List<String> compared = new ArrayList<>();
    for (Table t : ReportFixture.schema().tables()) {
      for (Column c : Fidelity.comparedColumns(t)) {
        compared.add(t.name() + "." + c.name());
      }
    }
    assertThat(compared).hasSize(6);
    assertThat(plotted).containsExactlyElementsOf(compared);
    columns.forEach(
        c -> {
          assertThat(c.get("labels").size())
              .isEqualTo(c.get("real").size())
              .isEqualTo(c.get("synthetic").size());
          assertThat(c.get("score").isNumber()).isTrue();
        });
  }

  @Test
  void htmlEscapesNamesAndValues() {
    String html = ReportWriter.html(REPORT);
    assertThat(html).doesNotContain(ReportFixture.CHILD, ReportFixture.TIER, "<b>&amp;");
    assertThat(html)
        .contains(
            "orders &lt;&amp;&quot;returns&quot;&gt;",
            "tier &lt;&amp;&quot;x&quot;&gt;",
            "&lt;b&gt;&amp;amp;&quot;vip&quot;&lt;/b&gt;");
  }

  @Test
  void htmlIsSelfContained() {
    String html = ReportWriter.html(REPORT);
    assertThat(html)
        .doesNotContainIgnoringCase("http://")
        .doesNotContainIgnoringCase("https://")
        .doesNotContain("src=", "<script", "<link", "@import", "url(");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertThat(href.group(1)).startsWith("#");
    }
  }

  @Test
  void htmlHasEverySectionAndAPlotPerComparedColumn() {
    String html = ReportWriter.html(REPORT);
    for (String id :
        List.of(
            "summary",
            "recommendations",
            "worst",
            "fidelity",
            "detection",
            "utility",
            "privacy",
            "table-customers",
            "table-orders~20~3c~26~22returns~22~3e")) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    // one figure per compared column, one per foreign key
    assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(6 + 1);
    // the heatmaps: one per table with two or more compared columns
    assertThat(count(html, "|real \u2212 synthetic|")).isEqualTo(2);
    assertThat(html)
        .contains(
            "93.0%",
            "Evaluated on every row", "No holdout rows were given", "synthetic \u2192 training");
  }

  @Test
  void htmlSaysWhenTheDataWasSampledAndWhenAHoldoutWasGiven() {
    QualityReport.Sampling sampled =
        new QualityReport.Sampling(
            1000, 7, true, REPORT.sampling().realRows(), REPORT.sampling().evaluatedRows(), true);
    QualityReport report =
        new QualityReport(
            REPORT.summary(),
            REPORT.fidelity(),
            REPORT.detection(),
            java.util.Optional.empty(),
            REPORT.privacy(),
            REPORT.visuals(),
            sampled,
            List.of());
    String html = ReportWriter.html(report);
    assertThat(html)
        .contains(
            "Evaluated on a deterministic sample of 1,000 rows per table (seed 7).",
            "Holdout rows",
            "No <code>--target</code> column was given",
            "Nothing to recommend.");
  }

  @Test
  void sameReportGivesIdenticalFiles() {
    QualityReport again = ReportFixture.report();
    assertThat(ReportWriter.json(again)).isEqualTo(ReportWriter.json(REPORT));
    assertThat(ReportWriter.html(again)).isEqualTo(ReportWriter.html(REPORT));
  }

  @Test
  void writesBothFilesAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("nested/report");
    ReportWriter.write(REPORT, out);
    ReportWriter.write(REPORT, out);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("report.html", "report.json");
    }
    assertThat(Files.readString(out.resolve("report.json"))).isEqualTo(ReportWriter.json(REPORT));
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(ReportWriter.html(REPORT));
  }

  @Test
  void failureNamesTheFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("report.json"));
    Files.writeString(out.resolve("report.json").resolve("keep"), "x");
    assertThatThrownBy(() -> ReportWriter.write(REPORT, out))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("report.json");
    Path file = dir.resolve("plain");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> ReportWriter.write(REPORT, file))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("plain");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
