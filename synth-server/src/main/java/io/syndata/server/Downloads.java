package io.syndata.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Sends a folder of written files: one table's file as it is, several as a zip. */
final class Downloads {
  private Downloads() {}

  static void send(Context ctx, Path folder, String name) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<Path> data =
        files.stream().filter(f -> !f.getFileName().toString().equals("schema.json")).toList();
    if (data.size() == 1) {
      Path f = data.get(0);
      ctx.header("Content-Disposition", "attachment; filename=\"" + f.getFileName() + "\"");
      ctx.contentType(type(f.getFileName().toString()));
      ctx.result(Files.newInputStream(f));
      return;
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
    ctx.contentType("application/zip");
    OutputStream out = ctx.outputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }

  private static String type(String file) {
    if (file.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    if (file.endsWith(".json") || file.endsWith(".jsonl")) {
      return "application/json";
    }
    if (file.endsWith(".sql")) {
      return "application/sql";
    }
    return "application/octet-stream";
  }
}
