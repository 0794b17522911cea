package io.syndata.cli;

import io.syndata.server.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the server's state lives; {@code serve} and {@code keys} choose it alike. */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "Keys, job records, uploads and results (default: $SYNTH_HOME, else ~/.syndata).")
  Path dataDir;

  Path resolve() {
    return ServerConfig.dataDir(Optional.ofNullable(dataDir));
  }
}
