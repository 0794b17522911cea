package io.syndata.spark;

import io.syndata.model.ModelFile;
import io.syndata.model.SynthModel;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** A model file as bytes: read once on the driver, broadcast, loaded once per executor JVM. */
final class ModelBytes {
  private ModelBytes() {}

  /** Reads a local path or any URI Hadoop reads (hdfs://, s3a://, abfs://, ...). */
  static byte[] read(String location, Configuration hadoop) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
      if (path.toUri().getScheme() == null) {
        // A path without a scheme is the driver's own file (spark-submit --files puts it there).
        return Files.readAllBytes(Path.of(location));
      }
      try (InputStream in = path.getFileSystem(hadoop).open(path)) {
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
