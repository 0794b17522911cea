package io.syndata.export;

import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Format options as {@code format.key=value} pairs ({@code csv.delimiter=;}, {@code
 * sql.dialect=mysql}), the same on the command line, in the Java API and in a Maven plugin's
 * configuration. Each format reads its own keys with the typed getters, which fail naming the key
 * and the values it takes; {@link Exporters#open} refuses keys no chosen format reads.
 */
public record ExportOptions(Map<String, String> values) {

  /** No options: every format's defaults. */
  public static final ExportOptions DEFAULTS = new ExportOptions(Map.of());

  public ExportOptions {
    values = Map.copyOf(new TreeMap<>(values));
  }

  public static ExportOptions of(Map<String, String> values) {
    return new ExportOptions(values);
  }

  /**
   * Parses {@code key=value} pairs, as given on a command line.
   *
   * @throws SynthException for a pair without {@code =}
   */
  public static ExportOptions parse(Iterable<String> pairs) {
    Map<String, String> map = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SynthException(
            "export option " + pair + " is not of the form format.key=value (csv.delimiter=;)");
      }
      map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
    }
    return new ExportOptions(map);
  }

  /** These options without {@code key}. */
  public ExportOptions without(String key) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.remove(key);
    return new ExportOptions(copy);
  }

  /** These options with one more set. */
  public ExportOptions with(String key, String value) {
    Map<String, String> map = new TreeMap<>(values);
    map.put(key, value);
    return new ExportOptions(map);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String string(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  /** A single character; {@code \t} is accepted for a tab. */
  public char character(String key, char defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v.equals("\\t")) {
      return '\t';
    }
    if (v.length() != 1) {
      throw new SynthException(
          "export option " + key + "=" + v + " must be a single character (\\t for a tab)");
    }
    return v.charAt(0);
  }

  public boolean bool(String key, boolean defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new SynthException("export option " + key + "=" + v + " must be true or false");
    };
  }

  /** An integer in {@code [min, max]}. */
  public int integer(String key, int defaultValue, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SynthException(
        "export option " + key + "=" + v + " must be an integer from " + min + " to " + max);
  }
}
