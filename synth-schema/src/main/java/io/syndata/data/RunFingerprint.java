package io.syndata.data;

import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What decides the rows of a run, as named parts (model hash, seed, scale, row counts, partitions):
 * a resumed run must have the same fingerprint as the run it continues, or its partitions would not
 * fit the ones already committed.
 *
 * @param parts name to value, in a stable order; neither holds a line break
 */
public record RunFingerprint(Map<String, String> parts) {
  public RunFingerprint {
    parts = new LinkedHashMap<>(parts);
    parts.forEach(
        (k, v) -> {
          if (k.contains("\n") || k.contains("=") || v.contains("\n")) {
            throw new IllegalArgumentException("fingerprint part " + k + " has a line break");
          }
        });
    parts = java.util.Collections.unmodifiableMap(parts);
  }

  /** One {@code name=value} line per part. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  /** The inverse of {@link #encode}. */
  public static RunFingerprint decode(String text) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        parts.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new RunFingerprint(parts);
  }

  /**
   * What differs from the fingerprint an interrupted run recorded, as one line naming the parts
   * (with both values where they are short), or empty when they agree.
   */
  public Optional<String> difference(RunFingerprint recorded) {
    List<String> differ = new ArrayList<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>(recorded.parts.keySet());
    names.addAll(parts.keySet());
    for (String name : names) {
      String was = recorded.parts.getOrDefault(name, "(none)");
      String now = parts.getOrDefault(name, "(none)");
      if (!was.equals(now)) {
        differ.add(
            was.length() + now.length() <= 80
                ? name + " (recorded " + was + ", now " + now + ")"
                : name);
      }
    }
    return differ.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", differ));
  }

  /** Fails, naming what differs, when a resumed run does not match the recorded one. */
  public void requireSameAs(RunFingerprint recorded, String target) {
    difference(recorded)
        .ifPresent(
            d -> {
              throw new SynthException(
                  "cannot --resume the run recorded in "
                      + target
                      + ": its plan differs in "
                      + d
                      + "; rerun with the same model and options, or undo it with --abort");
            });
  }
}
