package io.syndata.server;

import io.syndata.connectors.CsvOptions;
import io.syndata.data.SchemaFilter;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.TableChoices;
import io.syndata.export.ExportOptions;
import io.syndata.export.Exporters;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.ModelKinds;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.statistical.StatisticalTrainer;
import io.syndata.quality.Fidelity;
import io.syndata.quality.ReportOptions;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A job's options, named as the CLI's ({@code scale}, {@code rows}, {@code model}, …), parsed and
 * checked when the job is submitted, so that a wrong one is a 400 rather than a failed job.
 *
 * @param given the options as given, kept in the job record (they hold no secret)
 */
record JobOptions(
    Map<String, List<String>> given,
    SchemaFilter filter,
    CsvOptions csv,
    TableChoices tables,
    FitOptions fit,
    GenerationOptions generation,
    double holdout,
    Optional<ReportOptions> report,
    List<String> formats,
    ExportOptions export,
    boolean review) {

  /** Every option a job takes; anything else is refused with this list. */
  static final Set<String> NAMES =
      new TreeSet<>(
          List.of(
              "model",
              "model-option",
              "seed",
              "scale",
              "rows",
              "keep",
              "synthesize",
              "include",
              "exclude",
              "cascade",
              "orphans",
              "max-fit-rows",
              "holdout",
              "report",
              "predict",
              "sensitive",
              "report-rows",
              "format",
              "export-option",
              "sql-dialect",
              "encoding",
              "bad-values",
              "review"));

  /** What the class path offers, looked up once: a service lookup per request is costly. */
  static final class Installed {
    static final List<String> FORMATS = Exporters.available();
    static final List<String> KINDS = ModelKinds.available();

    private Installed() {}
  }

  /** Formats as given, for views that need no full parse. */
  static List<String> formatsOf(Map<String, List<String>> given) {
    return given.getOrDefault("format", List.of("csv"));
  }

  /**
   * Parses options given as form fields or JSON members; lists may repeat or be comma-separated.
   */
  static JobOptions parse(Map<String, List<String>> raw, int threads) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    raw.forEach(
        (name, values) -> {
          if (!NAMES.contains(name)) {
            throw ApiError.badRequest(
                "invalid_option", "unknown option '" + name + "'; the options are " + NAMES);
          }
          List<String> split = new ArrayList<>();
          for (String v : values) {
            for (String part : v.split(",")) {
              if (!part.isBlank()) {
                split.add(part.strip());
              }
            }
          }
          given.put(name, List.copyOf(split));
        });
    try {
      return build(given, threads);
    } catch (SynthException e) {
      throw ApiError.badRequest("invalid_option", e.getMessage());
    }
  }

  private static JobOptions build(Map<String, List<String>> o, int threads) {
    long seed = number(o, "seed", 42L);
    String model = one(o, "model").orElse(StatisticalTrainer.KIND);
    if (!model.equals(ModelKinds.AUTO) && !Installed.KINDS.contains(model)) {
      throw new SynthException(
          "model must be auto or one of " + ModelKinds.available() + ", was " + model);
    }
    FitOptions fit =
        new FitOptions(
            seed,
            OrphanPolicy.parse(one(o, "orphans").orElse("fail"), "orphans"),
            (int) number(o, "max-fit-rows", FitOptions.DEFAULT_MAX_FIT_ROWS),
            model,
            pairs(o, "model-option"));
    Map<String, Long> rows = new LinkedHashMap<>();
    pairs(o, "rows").forEach((table, n) -> rows.put(table, parseLong("rows " + table, n)));
    GenerationOptions generation =
        new GenerationOptions(decimal(o, "scale", 1.0), rows, seed, threads);
    double holdout = decimal(o, "holdout", 0);
    if (!(holdout >= 0 && holdout < 1)) {
      throw new SynthException("holdout must be at least 0 and below 1 (e.g. 0.2), was " + holdout);
    }
    boolean report = flag(o, "report", true);
    Optional<ReportOptions> reportOptions =
        report
            ? Optional.of(
                new ReportOptions(
                    one(o, "predict"),
                    o.getOrDefault("sensitive", List.of()),
                    (int) number(o, "report-rows", Fidelity.DEFAULT_MAX_ROWS),
                    seed))
            : Optional.empty();
    List<String> formats = o.getOrDefault("format", List.of("csv"));
    for (String f : formats) {
      if (!Installed.FORMATS.contains(f)) {
        throw new SynthException("format must be among " + Installed.FORMATS + ", was " + f);
      }
    }
    ExportOptions export = ExportOptions.parse(o.getOrDefault("export-option", List.of()));
    Optional<String> dialect = one(o, "sql-dialect");
    if (dialect.isPresent()) {
      export = export.with("sql.dialect", dialect.get());
    }
    return new JobOptions(
        o,
        new SchemaFilter(
            List.of(), o.getOrDefault("include", List.of()), o.getOrDefault("exclude", List.of())),
        new CsvOptions(
            one(o, "encoding").map(CsvOptions::encoding),
            CsvOptions.BadValues.of(one(o, "bad-values").orElse("fail"))),
        new TableChoices(
            o.getOrDefault("keep", List.of()),
            o.getOrDefault("synthesize", List.of()),
            flag(o, "cascade", false)),
        fit,
        generation,
        holdout,
        reportOptions,
        List.copyOf(formats),
        export,
        flag(o, "review", false));
  }

  /** The source to read, with an edited schema file when the job has one. */
  SourceSpec source(String location, Optional<Path> schemaFile) {
    return new SourceSpec(location, schemaFile, filter, csv, tables);
  }

  /** Whether the written files can be read back for the report. */
  Optional<String> readableFormat() {
    return List.of("csv", "parquet", "jsonl", "json").stream()
        .filter(formats::contains)
        .findFirst();
  }

  private static Optional<String> one(Map<String, List<String>> o, String name) {
    List<String> v = o.getOrDefault(name, List.of());
    if (v.size() > 1) {
      throw new SynthException(name + " takes one value, was given " + v);
    }
    return v.stream().findFirst();
  }

  private static long number(Map<String, List<String>> o, String name, long fallback) {
    return one(o, name).map(v -> parseLong(name, v)).orElse(fallback);
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new SynthException(name + " must be a whole number, was '" + v + "'");
    }
  }

  private static double decimal(Map<String, List<String>> o, String name, double fallback) {
    Optional<String> v = one(o, name);
    try {
      return v.map(Double::parseDouble).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new SynthException(name + " must be a number, was '" + v.get() + "'");
    }
  }

  private static boolean flag(Map<String, List<String>> o, String name, boolean fallback) {
    Optional<String> v = one(o, name);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new SynthException(name + " must be true or false, was '" + v.get() + "'");
    };
  }

  private static Map<String, String> pairs(Map<String, List<String>> o, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : o.getOrDefault(name, List.of())) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SynthException(name + " takes name=value, was '" + pair + "'");
      }
      out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return out;
  }
}
