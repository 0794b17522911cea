/**
 * File exports: {@link io.syndata.export.Exporters} opens a {@link io.syndata.data.Target} writing
 * a folder in one or several {@link io.syndata.export.ExportFormat}s (CSV, JSON, JSON Lines, XML,
 * DbUnit flat XML, SQL scripts, Excel), found by name through {@link java.util.ServiceLoader}.
 */
package io.syndata.export;
