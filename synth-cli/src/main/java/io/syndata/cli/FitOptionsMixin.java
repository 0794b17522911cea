package io.syndata.cli;

import io.syndata.model.FitOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.statistical.StatisticalTrainer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to fit, apart from the seed: the options of every command that fits a model. */
final class FitOptionsMixin {
  @Option(
      names = "--model",
      defaultValue = StatisticalTrainer.KIND,
      paramLabel = "auto|<kind>",
      completionCandidates = ModelKindNames.class,
      description =
          "Model kind of every table: an installed kind (${COMPLETION-CANDIDATES}; default statistical, "
              + "the copula) or auto: per table the copula, or another kind where it scores better on held-out "
              + "rows (fits both: minutes per table for vaegan; docs/neural.md). A table's \"model\" in the "
              + "schema file wins.")
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
          "Larger tables are fitted on a deterministic sample of at most this many rows, by a hash of"
              + " the key: children of sampled parents only (default ${DEFAULT-VALUE}).")
  int maxFitRows;

  @Option(
      names = "--min-count",
      defaultValue = "" + FitOptions.DEFAULT_MIN_COUNT,
      paramLabel = "<k>",
      description =
          "k: a category of a domain column (a city, a country), an address combination or a word pair "
              + "of free text is reproduced only when at least k source rows hold it (default ${DEFAULT-VALUE}); "
              + "rarer values are made anew from the domain or left out.")
  int minCount;

  @Option(
      names = "--model-option",
      paramLabel = "<name>=<value>",
      description =
          "A setting of a model kind, repeatable: for vaegan epochs, steps, batch-size, width, latent, "
              + "learning-rate, patience, reconstruction-weight, adversarial-weight, threads, "
              + "encoding (quantile or mode) (docs/neural.md). Kinds ignore the settings they do not know.")
  Map<String, String> modelOptions = new LinkedHashMap<>();

  @Option(
      names = "--device",
      paramLabel = "cpu|gpu|auto",
      description =
          "Where a neural model (vaegan) trains: the CPU, an NVIDIA GPU (with DJL's CUDA flavour on "
              + "the class path), or auto (default: the GPU when PyTorch sees one).")
  String device;

  FitOptions options(long seed) {
    OrphanPolicy policy = OrphanPolicy.parse(orphans, "--orphans");
    Map<String, String> settings = new LinkedHashMap<>(modelOptions);
    if (device != null) {
      settings.put("device", device.toLowerCase(Locale.ROOT));
    }
    return new FitOptions(seed, policy, maxFitRows, model, settings, minCount);
  }
}
