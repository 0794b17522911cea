/**
 * Writes a {@link io.syndata.quality.QualityReport} as {@code report.json} (every number) and
 * {@code report.html} (one self-contained page with inline CSS and SVG plots).
 */
package io.syndata.quality.report;
