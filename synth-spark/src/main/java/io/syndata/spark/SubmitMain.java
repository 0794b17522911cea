package io.syndata.spark;

import io.syndata.schema.SynthException;
import picocli.CommandLine;

/** How a spark-submit entry point runs: our errors as one line, an exit status only on failure. */
final class SubmitMain {
  private SubmitMain() {}

  /**
   * Runs the command; exits the JVM with its status when it failed (a zero exit would cut short
   * whatever spark-submit does after {@code main} returns).
   */
  static void run(Object command, String[] args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof SynthException) {
            line.getErr().println("error: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
