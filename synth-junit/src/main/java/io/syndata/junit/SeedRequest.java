package io.syndata.junit;

import io.syndata.schema.SynthException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@link SynthDatabase} asks for, with the URL's placeholders resolved: equal requests
 * share a database within a test class.
 *
 * @param url the database to seed, or empty for a new embedded one
 */
record SeedRequest(String model, double scale, long seed, Map<String, Long> rows, String url) {
  static final String URL_PROPERTY = "synth.database.url";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  static SeedRequest of(SynthDatabase spec) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String entry : spec.rows()) {
      int eq = entry.indexOf('=');
      try {
        rows.put(entry.substring(0, eq).trim(), Long.parseLong(entry.substring(eq + 1).trim()));
      } catch (RuntimeException e) {
        throw new SynthException(
            "@SynthDatabase rows entries are \"table=N\", was \"" + entry + "\"");
      }
    }
    String url = spec.url().isBlank() ? System.getProperty(URL_PROPERTY, "") : spec.url();
    return new SeedRequest(spec.model(), spec.scale(), spec.seed(), Map.copyOf(rows), resolve(url));
  }

  /** The generated rows depend on these alone, not on where they go. */
  String rowsKey() {
    return model + "|" + scale + "|" + seed + "|" + new java.util.TreeMap<>(rows);
  }

  static String resolve(String url) {
    Matcher m = PLACEHOLDER.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = System.getProperty(name, System.getenv(name));
      if (value == null || value.isBlank()) {
        throw new SynthException(
            "@SynthDatabase url " + url + ": no system property or environment variable " + name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().trim();
  }
}
