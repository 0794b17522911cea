package io.syndata.cli;

import io.syndata.connectors.Secrets;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synth}: introspect, generate, copy, report, demo. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "SynData: learn a relational database (or a folder of CSV files) and generate a synthetic "
            + "copy that keeps its schema, keys, referential integrity, distributions and cardinalities.",
    subcommands = {
      IntrospectCommand.class,
      GenerateCommand.class,
      CopyCommand.class,
      ReportCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input or failed run (one line says why), 2 wrong usage, 3 internal error.",
      "Add --verbose to any command for the stack trace of a failure."
    })
public final class Main implements Runnable {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_INTERNAL = 3;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces and library logs.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Library logs go to System.err: they pass the same masking as everything else printed.
    System.setErr(MaskedOutput.stream(System.err, secrets(args)));
    System.exit(run(args));
  }

  /** The passwords of the locations among the arguments, to be masked in all output. */
  static Secrets secrets(String... args) {
    List<String> locations = new ArrayList<>();
    for (String arg : args) {
      int jdbc = arg.indexOf("jdbc:");
      if (jdbc >= 0) {
        locations.add(arg.substring(jdbc)); // also --source=jdbc:...
      }
    }
    return Secrets.of(locations);
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams and returns its exit code. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    if (!verbose) {
      // Drivers log server error packets that SynData reports itself, in one line.
      System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
      // Smile logs every tree it grows.
      System.setProperty("org.slf4j.simpleLogger.log.smile", "error");
    }
    Secrets secrets = secrets(args);
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(MaskedOutput.writer(out, secrets));
    cli.setErr(MaskedOutput.writer(err, secrets));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof SynthException) {
            commandLine.getErr().println("synth: " + e.getMessage());
            if (verbose) {
              e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILED;
          }
          commandLine
              .getErr()
              .println(
                  "synth: internal error: "
                      + e
                      + (verbose
                          ? ""
                          : " (run again with --verbose for the stack trace, and please report it)"));
          if (verbose) {
            e.printStackTrace(commandLine.getErr());
          }
          return EXIT_INTERNAL;
        });
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    try {
      return cli.execute(args);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"synth " + (v == null ? "development build" : v)};
    }
  }
}
