package io.syndata.maven;

import io.syndata.export.Exporters;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.ModelKinds;
import io.syndata.model.OrphanPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Eager validation of parameters, so that a misconfigured POM fails in one line naming the
 * parameter, its property and what is allowed, before anything connects anywhere.
 */
final class Checks {
  private Checks() {}

  static String required(String name, String value, String what) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      throw new MojoFailureException("<" + name + "> (-Dsynth." + name + ") is required: " + what);
    }
    return value.trim();
  }

  static double scale(double scale) throws MojoFailureException {
    if (!(scale >= GenerationOptions.MIN_SCALE && scale <= GenerationOptions.MAX_SCALE)) {
      throw new MojoFailureException(
          "<scale> (-Dsynth.scale) must be between "
              + GenerationOptions.MIN_SCALE
              + " and "
              + GenerationOptions.MAX_SCALE
              + ", was "
              + scale);
    }
    return scale;
  }

  static int threads(Integer threads) throws MojoFailureException {
    if (threads == null) {
      return GenerationOptions.defaultThreads();
    }
    if (threads < 1 || threads > GenerationOptions.MAX_THREADS) {
      throw new MojoFailureException(
          "<threads> (-Dsynth.threads) must be between 1 and "
              + GenerationOptions.MAX_THREADS
              + ", was "
              + threads);
    }
    return threads;
  }

  /** {@code table=N} entries. */
  static Map<String, Long> rows(List<String> entries) throws MojoFailureException {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String entry : AbstractSourceMojo.clean(entries)) {
      int eq = entry.indexOf('=');
      Long n = null;
      if (eq > 0) {
        try {
          n = Long.parseLong(entry.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
          n = null;
        }
      }
      if (n == null || n < 0) {
        throw new MojoFailureException(
            "<rows> (-Dsynth.rows) entries are table=N with N a row count of 0 or more"
                + " (<rows><row>orders=500</row></rows>), was "
                + entry);
      }
      rows.put(entry.substring(0, eq).trim(), n);
    }
    return rows;
  }

  static List<String> formats(List<String> formats) throws MojoFailureException {
    List<String> names =
        AbstractSourceMojo.clean(formats).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    for (String f : names) {
      if (!Exporters.available().contains(f)) {
        throw new MojoFailureException(
            "<format> (-Dsynth.format) must be among " + Exporters.available() + ", was " + f);
      }
    }
    return names.isEmpty() ? List.of("csv") : names;
  }

  static FitOptions fit(long seed, String orphans, int maxFitRows, String model)
      throws MojoFailureException {
    OrphanPolicy policy;
    try {
      policy = OrphanPolicy.parse(orphans, "<orphans> (-Dsynth.orphans)");
    } catch (io.syndata.schema.SynthException e) {
      throw new MojoFailureException(e.getMessage());
    }
    if (maxFitRows < 1) {
      throw new MojoFailureException(
          "<maxFitRows> (-Dsynth.maxFitRows) must be 1 or more, was " + maxFitRows);
    }
    if (!ModelKinds.AUTO.equals(model) && !ModelKinds.available().contains(model)) {
      throw new MojoFailureException(
          "<model> (-Dsynth.model) must be "
              + ModelKinds.AUTO
              + " or an installed kind "
              + ModelKinds.available()
              + ", was "
              + model);
    }
    return new FitOptions(seed, policy, maxFitRows, model);
  }
}
