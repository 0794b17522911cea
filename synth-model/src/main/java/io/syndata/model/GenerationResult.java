package io.syndata.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation wrote.
 *
 * @param rows rows written per table, in generation order
 */
public record GenerationResult(Map<String, Long> rows) {
  public GenerationResult {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
