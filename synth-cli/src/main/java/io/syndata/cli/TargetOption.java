package io.syndata.cli;

import picocli.CommandLine.Option;

/** Where rows are written; shared by the commands that write a target. */
final class TargetOption {
  @Option(
      names = "--target",
      required = true,
      paramLabel = "<jdbc-url|folder>",
      description =
          "A JDBC URL of an empty database (or one whose tables are empty), or a folder that does not exist "
              + "or is empty.")
  String location;
}
