package io.syndata.server;

import io.syndata.data.Source;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.engine.Training;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Puts an upload into a job's folder and checks it before the job is accepted: a CSV file, a zip of
 * CSV files (and maybe a schema file), or a model file. Every refusal is a 4xx naming the file and,
 * for a malformed CSV file, the line.
 */
final class Uploads {
  private static final Pattern TABLE_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private final ServerConfig config;

  Uploads(ServerConfig config) {
    this.config = config;
  }

  /** Stores the upload in the job's folder and returns the job's kind: csv or model. */
  String store(String filename, InputStream content, Path dir) {
    String name = baseName(filename);
    String lower = name.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
        Path source = Files.createDirectories(dir.resolve(JobRun.SOURCE_DIR));
        copy(content, source.resolve(tableFile(name, name)), config.maxUploadBytes(), name);
        return "csv";
      }
      if (lower.endsWith(".zip")) {
        unzip(content, dir, name);
        return "csv";
      }
      if (lower.endsWith(".synth")) {
        Path model = dir.resolve(JobRun.MODEL_FILE);
        copy(content, model, config.maxUploadBytes(), name);
        checkModel(model, name);
        return "model";
      }
    } catch (IOException e) {
      throw ApiError.badRequest("unreadable_upload", "cannot read " + name + ": " + e.getMessage());
    }
    throw new ApiError(
        415,
        "unsupported_file_type",
        "file "
            + name
            + ": upload a .csv or .csv.gz file, a .zip of CSV files (with or without a schema.json)"
            + " or a .synth model file");
  }

  private void unzip(InputStream content, Path dir, String zipName) throws IOException {
    Path source = Files.createDirectories(dir.resolve(JobRun.SOURCE_DIR));
    long budget = config.maxUnzippedBytes();
    int entries = 0;
    Set<String> seen = new HashSet<>();
    try (ZipInputStream zip =
        new ZipInputStream(new Limited(content, config.maxUploadBytes(), zipName))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++entries > config.maxZipEntries()) {
          throw new ApiError(
              413,
              "zip_too_large",
              zipName + " holds more than " + config.maxZipEntries() + " entries");
        }
        String entry = e.getName();
        String base = baseName(entry);
        if (e.isDirectory() || entry.startsWith("__MACOSX/") || base.startsWith(".")) {
          continue;
        }
        if (!seen.add(base)) {
          throw ApiError.badRequest("invalid_zip", zipName + " holds two files named " + base);
        }
        Path to;
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.equals(JobRun.SCHEMA_FILE)) {
          to = dir.resolve(JobRun.SCHEMA_FILE);
        } else if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
          to = source.resolve(tableFile(base, zipName + " entry " + entry));
        } else {
          throw new ApiError(
              415,
              "unsupported_file_type",
              zipName
                  + " entry "
                  + entry
                  + ": a zip may hold .csv or .csv.gz files and schema.json");
        }
        budget -= copy(zip, to, budget, zipName + " entry " + entry);
      }
    } catch (ZipException e) {
      throw ApiError.badRequest(
          "invalid_zip", zipName + " is not a valid zip file: " + e.getMessage());
    } catch (ApiError e) {
      if (e.code.equals("upload_too_large") && e.getMessage().contains(" entry ")) {
        throw new ApiError(
            413,
            "zip_too_large",
            zipName
                + " unpacks to more than "
                + (config.maxUnzippedBytes() >> 20)
                + " MB (the limit for all its entries together); "
                + e.getMessage());
      }
      throw e;
    }
    if (seen.stream().noneMatch(f -> !f.equalsIgnoreCase(JobRun.SCHEMA_FILE))) {
      throw ApiError.badRequest("empty_file", zipName + " holds no CSV file");
    }
  }

  /**
   * Reads every table of an uploaded CSV folder through the project's own CSV reader, so that a
   * malformed file is refused now with its file and line, and counts rows against the limit.
   */
  void checkCsv(Path dir, JobOptions options) {
    Path source = dir.resolve(JobRun.SOURCE_DIR);
    try (var files = Files.list(source)) {
      for (Path f : files.toList()) {
        if (Files.size(f) == 0) {
          throw ApiError.badRequest("empty_file", "file " + f.getFileName() + " is empty");
        }
      }
    } catch (IOException e) {
      throw ApiError.badRequest("unreadable_upload", "cannot read the upload: " + e.getMessage());
    }
    SourceSpec spec = JobRun.source(dir, "csv", null, options);
    long[] rows = {0};
    try (Source s = SynData.openSource(spec)) {
      Schema schema = s.introspect(spec.filter());
      for (Table t : schema.tables()) {
        long n =
            s.scan(
                t,
                t.columns().stream().map(c -> c.name()).toList(),
                batch -> {
                  rows[0] += batch.size();
                  if (rows[0] > config.maxUploadRows()) {
                    throw new ApiError(
                        413,
                        "too_many_rows",
                        "the upload holds more than "
                            + config.maxUploadRows()
                            + " rows (the server's limit for one upload); table "
                            + t.name()
                            + " alone reached it");
                  }
                });
        if (n == 0) {
          throw ApiError.badRequest(
              "empty_file", "table " + t.name() + " has a header but no rows");
        }
      }
    } catch (SynthException e) {
      throw ApiError.badRequest(
          "malformed_csv", e.getMessage().replace(source + "/", "").replace(dir + "/", ""));
    }
  }

  private static void checkModel(Path model, String name) {
    try {
      Training.describe(model);
    } catch (SynthException e) {
      throw ApiError.badRequest(
          "invalid_model",
          name
              + " is not a model file synth can read: "
              + e.getMessage().replace(model.toString(), name));
    }
  }

  /** Copies at most {@code limit} bytes, refusing more with a 413; returns the bytes copied. */
  private static long copy(InputStream in, Path to, long limit, String what) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(to)) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        n += r;
        if (n > limit) {
          throw new ApiError(
              413, "upload_too_large", what + " is larger than " + (limit >> 20) + " MB");
        }
        out.write(buf, 0, r);
      }
    }
    return n;
  }

  private static String tableFile(String base, String what) {
    if (!TABLE_FILE.matcher(base).matches()) {
      throw ApiError.badRequest(
          "invalid_file_name",
          what + ": a table's file name may hold letters, digits, '_', '.' and '-' only");
    }
    return base;
  }

  private static String baseName(String path) {
    String p = path == null ? "" : path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Fails once more than the limit has been read: an upload without a trustworthy length. */
  private static final class Limited extends java.io.FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    Limited(InputStream in, long limit, String what) {
      super(in);
      this.limit = limit;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int r = super.read(b, off, len);
      count(Math.max(r, 0));
      return r;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new ApiError(
            413, "upload_too_large", what + " is larger than " + (limit >> 20) + " MB");
      }
    }
  }
}
