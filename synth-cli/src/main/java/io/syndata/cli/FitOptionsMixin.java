package io.syndata.cli;

import io.syndata.model.FitOptions;
import io.syndata.model.ModelKinds;
import io.syndata.model.OrphanPolicy;
import io.syndata.schema.SynthException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How to fit, apart from the seed: the options of every command that fits a model. */
final class FitOptionsMixin {
  @Option(
      names = "--model",
      defaultValue = ModelKinds.AUTO,
      paramLabel = "auto|<kind>",
      completionCandidates = ModelKindNames.class,
      description =
          "Model kind of every table: auto (default: the most suitable installed kind per table) or "
              + "an installed kind (${COMPLETION-CANDIDATES}). A table's \"model\" in the schema file wins.")
  String model;

  @Option(
      names = "--orphans",
      defaultValue = "fail",
      paramLabel = "fail|drop|null",
      description =
          "Source rows whose foreign key has no parent: fail (default, with counts per key), drop them, or "
              + "read the key as null.")
  String orphans;

  @Option(
      names = "--max-fit-rows",
      defaultValue = "" + FitOptions.DEFAULT_MAX_FIT_ROWS,
      paramLabel = "<n>",
      description =
          "Larger tables are fitted on a deterministic sample of this many rows (default ${DEFAULT-VALUE}).")
  int maxFitRows;

  FitOptions options(long seed) {
    OrphanPolicy policy =
        switch (orphans.toLowerCase(Locale.ROOT)) {
          case "fail" -> OrphanPolicy.FAIL;
          case "drop" -> OrphanPolicy.DROP;
          case "null" -> OrphanPolicy.NULL;
          default ->
              throw new SynthException("--orphans must be fail, drop or null, was " + orphans);
        };
    return new FitOptions(seed, policy, maxFitRows, model);
  }
}
