package io.syndata.spark;

import io.syndata.model.ModelFile;
import io.syndata.model.SynthModel;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** A model file as bytes: read once on the driver, broadcast, loaded once per executor JVM. */
final class ModelBytes {
  private ModelBytes() {}

  /** Reads a local path or any URI Hadoop reads (hdfs://, s3a://, abfs://, ...). */
  static byte[] read(String location, Configuration hadoop) {
    try {
      URI uri = URI.create(location.replace(" ", "%20"));
      if (uri.getScheme() == null
          || uri.getScheme().length() == 1
          || "file".equals(uri.getScheme())) {
        return Files.readAllBytes(uri.getScheme() == null ? Path.of(location) : Path.of(uri));
      }
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
      try (InputStream in = FileSystem.get(uri, hadoop).open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new SynthException("cannot read model file " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads a model from a file's bytes (through a temporary file: {@link ModelFile} reads paths).
   */
  static SynthModel load(byte[] bytes) {
    Path file = null;
    try {
      file = Files.createTempFile("synth-model", ".synth");
      Files.write(file, bytes);
      return ModelFile.read(file);
    } catch (IOException e) {
      throw new SynthException("cannot load the broadcast model file: " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
