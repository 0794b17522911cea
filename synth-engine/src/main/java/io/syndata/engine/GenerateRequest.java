package io.syndata.engine;

import io.syndata.export.ExportOptions;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.schema.SynthException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One end-to-end run: learn {@code source}, write a synthetic copy to {@code target}.
 *
 * @param target a JDBC URL or a folder for one CSV file per table plus {@code schema.json}
 * @param evaluate whether to read the target back and compare it with the source
 * @param holdout the share of root rows (with their descendants) kept out of training, for honest
 *     privacy and utility figures; 0 for none
 * @param report the full quality report to write at the end, if any
 * @param formats for a folder target, the file formats to write ({@code csv}, {@code xlsx}, …; see
 *     docs/exports.md)
 * @param export options of those formats ({@code csv.delimiter=;}, …)
 * @param writes one transaction, or partitions over several writers with resume ({@link
 *     WriteOptions})
 */
public record GenerateRequest(
    SourceSpec source,
    String target,
    FitOptions fit,
    GenerationOptions generation,
    boolean evaluate,
    double holdout,
    Optional<ReportSpec> report,
    List<String> formats,
    ExportOptions export,
    WriteOptions writes) {

  public GenerateRequest {
    writes = writes == null ? WriteOptions.SINGLE : writes;
    if (!(holdout >= 0 && holdout < 1)) {
      throw new SynthException(
          "--holdout must be at least 0 and below 1 (e.g. 0.2), was " + holdout);
    }
    report = report == null ? Optional.empty() : report;
    formats = formats == null || formats.isEmpty() ? List.of("csv") : List.copyOf(formats);
    export = export == null ? ExportOptions.DEFAULTS : export;
  }

  /** A request written in one transaction. */
  public GenerateRequest(
      SourceSpec source,
      String target,
      FitOptions fit,
      GenerationOptions generation,
      boolean evaluate,
      double holdout,
      Optional<ReportSpec> report,
      List<String> formats,
      ExportOptions export) {
    this(
        source,
        target,
        fit,
        generation,
        evaluate,
        holdout,
        report,
        formats,
        export,
        WriteOptions.SINGLE);
  }

  /** A request writing a database, or CSV files into a folder. */
  public GenerateRequest(
      SourceSpec source,
      String target,
      FitOptions fit,
      GenerationOptions generation,
      boolean evaluate,
      double holdout,
      Optional<ReportSpec> report) {
    this(
        source,
        target,
        fit,
        generation,
        evaluate,
        holdout,
        report,
        List.of("csv"),
        ExportOptions.DEFAULTS);
  }

  public GenerateRequest(
      SourceSpec source,
      String target,
      FitOptions fit,
      GenerationOptions generation,
      boolean evaluate) {
    this(source, target, fit, generation, evaluate, 0, Optional.empty());
  }

  /** Scale 1, seed 42, orphans fail, evaluation on, no holdout, no report. */
  public static GenerateRequest of(SourceSpec source, String target) {
    long seed = 42;
    return new GenerateRequest(
        source,
        target,
        new FitOptions(seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
        new GenerationOptions(1.0, Map.of(), seed),
        true);
  }
}
