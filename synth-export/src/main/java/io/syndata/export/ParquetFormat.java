package io.syndata.export;

import io.syndata.data.Target;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * {@code parquet}: a Parquet file per table with logical types; {@code parquet.compression}
 * (snappy, the default, zstd, gzip or none), {@code parquet.row-group-mb} (default 64) and {@code
 * parquet.per-partition} (a file per plan partition in a folder per table).
 */
public final class ParquetFormat implements ExportFormat {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String description() {
    return "one Parquet file per table with logical types, dictionary-encoded and compressed";
  }

  @Override
  public Set<String> options() {
    return Set.of("parquet.compression", "parquet.row-group-mb", "parquet.per-partition");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    String name = options.string("parquet.compression", "snappy").toLowerCase(Locale.ROOT);
    CompressionCodecName codec =
        switch (name) {
          case "snappy" -> CompressionCodecName.SNAPPY;
          case "zstd" -> CompressionCodecName.ZSTD;
          case "gzip" -> CompressionCodecName.GZIP;
          case "none" -> CompressionCodecName.UNCOMPRESSED;
          default ->
              throw new SynthException(
                  "export option parquet.compression="
                      + name
                      + " must be one of snappy, zstd, gzip, none");
        };
    long rowGroup = options.integer("parquet.row-group-mb", 64, 1, 1024) * 1024L * 1024L;
    return new SpooledTarget(
        folder,
        "Parquet",
        new ParquetTableWriter(codec, rowGroup, options.bool("parquet.per-partition", false)));
  }
}
