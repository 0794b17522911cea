package io.syndata.cli;

import io.syndata.connectors.Secrets;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synth}: introspect, generate, copy, report, demo, serve, keys. */
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
      TrainCommand.class,
      InspectCommand.class,
      CopyCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      KeysCommand.class,
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
    // One voice: library logging goes through the command line's own binding, even where another
    // binding is on the class path (tests).
    System.setProperty("slf4j.provider", TerminalLogging.class.getName());
    System.setProperty("slf4j.internal.verbosity", "WARN");
    TerminalLogging.configure(verbose);
    Secrets secrets = secrets(args);
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(MaskedOutput.writer(out, secrets));
    cli.setErr(MaskedOutput.writer(err, secrets));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> failure(e, commandLine.getErr(), verbose));
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Errors pass picocli's handler by; the heap the failed run held is free again here.
      return failure(e, cli.getErr(), verbose);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /** Prints a failure as one line (and, with --verbose, its stack) and returns the exit code. */
  static int failure(Throwable e, java.io.PrintWriter err, boolean verbose) {
    int code;
    if (e instanceof SynthException) {
      err.println("synth: " + e.getMessage());
      code = EXIT_FAILED;
    } else if (e instanceof OutOfMemoryError) {
      long maxMb = Runtime.getRuntime().maxMemory() >> 20;
      err.printf(
          java.util.Locale.ROOT,
          "synth: out of memory: the Java heap (at most %,d MB) is too small for this run;"
              + " give it more (SYNTH_JAVA_OPTS=-Xmx16g ./synth ..., or java -Xmx16g -jar ...),"
              + " or fit on fewer rows (--max-fit-rows) or generate fewer (--scale, --rows)%n",
          maxMb);
      code = EXIT_INTERNAL;
    } else {
      err.println(
          "synth: internal error: "
              + e
              + (verbose
                  ? ""
                  : " (run again with --verbose for the stack trace, and please report it)"));
      code = EXIT_INTERNAL;
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
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
