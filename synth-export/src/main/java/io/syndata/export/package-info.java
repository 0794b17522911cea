/**
 * File targets: {@link io.syndata.export.CsvFolderTarget} writes a folder of CSV files plus the
 * schema file describing them.
 */
package io.syndata.export;
