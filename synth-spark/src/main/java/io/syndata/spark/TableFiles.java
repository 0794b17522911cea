package io.syndata.spark;

import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a table of a folder source lies and in which format: a file {@code <table>.parquet}, {@code
 * .csv}, {@code .json}, {@code .jsonl} or {@code .orc}; else a folder {@code <table>/} that is a
 * Delta table ({@code _delta_log/}), an Iceberg table ({@code metadata/*.metadata.json}) or holds
 * part files of one of the file formats.
 */
record TableFiles(String location, TableFormat format, boolean arrayOfObjects) {
  private static final String[] COMPRESSIONS = {
    ".gz", ".bz2", ".deflate", ".lz4", ".snappy", ".zst", ".zstd", ".zlib"
  };

  Dataset<Row> read(SparkSession spark, Table table) {
    return format.read(spark, location, table, arrayOfObjects);
  }

  /**
   * The table's files under the folder.
   *
   * @throws SynthException naming the folder and table when there are none Spark reads here
   */
  static TableFiles find(FileSystem fs, Path folder, String table) throws IOException {
    for (TableFormat f : TableFormat.values()) {
      if (f.suffix().isPresent()) {
        Path file = new Path(folder, table + f.suffix().get());
        if (fs.isFile(file)) {
          return new TableFiles(file.toString(), f, f == TableFormat.JSON && startsArray(fs, file));
        }
      }
    }
    Path dir = new Path(folder, table);
    if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
      throw new SynthException(
          "folder "
              + folder
              + " has no file "
              + table
              + ".parquet, .csv, .json, .jsonl or .orc, nor a folder "
              + table
              + "/, for table "
              + table
              + " of its schema");
    }
    if (fs.exists(new Path(dir, "_delta_log"))) {
      return new TableFiles(dir.toString(), TableFormat.DELTA, false);
    }
    Path metadata = new Path(dir, "metadata");
    if (fs.exists(metadata)) {
      for (FileStatus s : fs.listStatus(metadata)) {
        if (s.getPath().getName().endsWith(".metadata.json")) {
          return new TableFiles(dir.toString(), TableFormat.ICEBERG, false);
        }
      }
    }
    RemoteIterator<LocatedFileStatus> parts = fs.listFiles(dir, true);
    while (parts.hasNext()) {
      Path part = parts.next().getPath();
      String name = part.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      TableFormat f = ofPartFile(name);
      if (f != null) {
        return new TableFiles(dir.toString(), f, false);
      }
    }
    throw new SynthException(
        "folder "
            + dir
            + " (table "
            + table
            + ") is neither a Delta nor an Iceberg table and holds no .parquet, .csv, .json or"
            + " .orc part files");
  }

  /** The format a part file's name ends in, past its compression; null when none. */
  private static TableFormat ofPartFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : COMPRESSIONS) {
      if (n.endsWith(c)) {
        n = n.substring(0, n.length() - c.length());
        break;
      }
    }
    // Spark names its Parquet parts part-….snappy.parquet or part-….zstd.parquet
    for (TableFormat f : TableFormat.values()) {
      if (f.suffix().isPresent() && n.endsWith(f.suffix().get())) {
        return f == TableFormat.JSON_LINES ? TableFormat.JSON : f;
      }
    }
    return null;
  }

  /** Whether a JSON file is one array of objects (ours) rather than one object per line. */
  private static boolean startsArray(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
          return c == '[';
        }
      }
    }
    return false;
  }
}
