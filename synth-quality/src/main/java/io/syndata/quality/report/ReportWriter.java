package io.syndata.quality.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.syndata.quality.DetectionReport;
import io.syndata.quality.FidelityReport;
import io.syndata.quality.PrivacyReport;
import io.syndata.quality.QualityReport;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalDouble;

/**
 * Writes a quality report as {@code report.json}, every number of the report, and {@code
 * report.html}, one self-contained page (inline CSS and SVG, no script, nothing fetched) a person
 * reads in a browser.
 *
 * <p>Both are deterministic: the same report gives byte-identical files.
 */
public final class ReportWriter {
  public static final String JSON_FILE = "report.json";
  public static final String HTML_FILE = "report.html";

  private static final ObjectMapper MAPPER = mapper();

  private ReportWriter() {}

  /**
   * Writes {@value #JSON_FILE} and {@value #HTML_FILE} into {@code dir}, creating it; each file is
   * written to a temporary file first and moved into place, so a reader never sees half a report.
   *
   * @throws SynthException naming the file that could not be written
   */
  public static void write(QualityReport report, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SynthException(
          "cannot create the report directory " + dir + ": " + e.getMessage(), e);
    }
    writeAtomically(dir.resolve(JSON_FILE), json(report));
    writeAtomically(dir.resolve(HTML_FILE), html(report));
  }

  /**
   * The report as JSON with snake_case keys: {@code summary} first (every figure in [0, 1] or null,
   * and the grade), then {@code sampling}, {@code fidelity}, {@code detection}, {@code utility},
   * {@code privacy}, {@code visuals} and {@code recommendations}. Absent and non-finite numbers are
   * null; maps are ordered by key.
   */
  public static String json(QualityReport report) {
    try {
      return MAPPER.writer(printer()).writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new SynthException("cannot write the quality report as JSON: " + e.getMessage(), e);
    }
  }

  /** The report as one self-contained HTML page; see {@link ReportWriter}. */
  public static String html(QualityReport report) {
    return new HtmlReport(report).render();
  }

  private static void writeAtomically(Path file, String content) {
    Path temp = null;
    try {
      // a name of our own rather than createTempFile, whose owner-only permissions the move would
      // keep
      temp =
          file.resolveSibling(
              "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
      throw new SynthException("cannot write the quality report file " + file + ": " + e, e);
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  private static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule("finite-numbers");
    finite.addSerializer(Double.class, new FiniteDouble());
    finite.addSerializer(Double.TYPE, new FiniteDouble());
    finite.addSerializer(OptionalDouble.class, new FiniteOptionalDouble());
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        // after Jdk8Module, so that its OptionalDouble serializer is overridden
        .addModule(finite)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .addMixIn(QualityReport.class, ReportOrder.class)
        .addMixIn(QualityReport.Summary.class, SummaryOrder.class)
        .addMixIn(FidelityReport.class, FidelityMeans.class)
        .addMixIn(DetectionReport.class, DetectionMean.class)
        .addMixIn(PrivacyReport.class, PrivacyMean.class)
        .build();
  }

  /** NaN and infinities have no JSON form: they are written as null. */
  private static final class FiniteDouble extends StdSerializer<Double> {
    FiniteDouble() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  private static final class FiniteOptionalDouble extends StdSerializer<OptionalDouble> {
    FiniteOptionalDouble() {
      super(OptionalDouble.class);
    }

    @Override
    public void serialize(OptionalDouble value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value == null || value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
        gen.writeNull();
      } else {
        gen.writeNumber(value.getAsDouble());
      }
    }
  }

  @JsonPropertyOrder({
    "summary",
    "sampling",
    "fidelity",
    "realism",
    "detection",
    "utility",
    "privacy",
    "visuals",
    "recommendations"
  })
  private abstract static class ReportOrder {}

  @JsonPropertyOrder({
    "column_shapes",
    "pair_trends",
    "cardinality",
    "intertable_trends",
    "detection",
    "fidelity",
    "utility",
    "privacy",
    "overall",
    "grade"
  })
  private abstract static class SummaryOrder {}

  /**
   * The fidelity means, which are methods rather than components, also go into the JSON; the order
   * is spelled out because reflection returns methods in no fixed order.
   */
  @JsonPropertyOrder({
    "column_shapes_score",
    "missing_values_score",
    "pair_trends_score",
    "cardinality_score",
    "intertable_trends_score",
    "overall",
    "column_shapes",
    "missing_values",
    "pair_trends",
    "cardinality",
    "intertable_trends",
    "rows_compared",
    "sampled"
  })
  private abstract static class FidelityMeans {
    @JsonProperty("column_shapes_score")
    abstract OptionalDouble columnShapesScore();

    @JsonProperty("missing_values_score")
    abstract OptionalDouble missingValuesScore();

    @JsonProperty("pair_trends_score")
    abstract OptionalDouble pairTrendsScore();

    @JsonProperty("cardinality_score")
    abstract OptionalDouble cardinalityScore();

    @JsonProperty("intertable_trends_score")
    abstract OptionalDouble intertableTrendsScore();

    @JsonProperty("overall")
    abstract OptionalDouble overall();
  }

  @JsonPropertyOrder({"score", "tables", "folds"})
  private abstract static class DetectionMean {
    @JsonProperty("score")
    abstract OptionalDouble score();
  }

  @JsonPropertyOrder({"score", "tables"})
  private abstract static class PrivacyMean {
    @JsonProperty("score")
    abstract OptionalDouble score();
  }
}
