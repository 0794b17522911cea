package io.syndata.engine;

import io.syndata.quality.ReportOptions;
import java.nio.file.Path;

/**
 * Where to write the quality report ({@code report.html} and {@code report.json}) and what it
 * evaluates.
 */
public record ReportSpec(Path directory, ReportOptions options) {}
