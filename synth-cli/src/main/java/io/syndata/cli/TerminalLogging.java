package io.syndata.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The command line's SLF4J binding: library logs print in the command line's own voice on standard
 * error — {@code warning: ...} like {@link TerminalProgress#warn} — so that a user sees one format,
 * not two. Warnings and errors only, unless {@code --verbose} asks for everything (then with the
 * logger's short name and stack traces).
 */
public final class TerminalLogging implements SLF4JServiceProvider {
  private static volatile boolean verbose;

  private final ILoggerFactory loggers = new Loggers();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Chooses how much is printed; called by {@link Main} before anything logs. */
  static void configure(boolean verboseOutput) {
    verbose = verboseOutput;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // nothing to set up
  }

  private static final class Loggers implements ILoggerFactory {
    private final Map<String, Logger> byName = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return byName.computeIfAbsent(name, TerminalLogger::new);
    }
  }

  static final class TerminalLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    TerminalLogger(String name) {
      this.name = name;
    }

    /**
     * Warnings and errors, except from libraries that report what SynData reports itself in one
     * line (drivers' server error packets) or chatter (Smile logs every tree it grows).
     */
    private boolean enabled(Level level) {
      if (verbose) {
        return true;
      }
      boolean noisy =
          name.startsWith("org.mariadb.jdbc")
              || name.startsWith("smile")
              // DJL warns that it finds no usable GPU even when the CPU was asked for.
              || name.startsWith("ai.djl.util.cuda");
      if (name.startsWith("io.syndata.neural")) {
        // A neural model's progress line per epoch: minutes of training must not look like a hang.
        return level.toInt() >= Level.INFO.toInt();
      }
      return level.toInt() >= (noisy ? Level.ERROR.toInt() : Level.WARN.toInt());
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      String label = level == Level.WARN ? "warning" : level.name().toLowerCase(Locale.ROOT);
      String source = verbose ? "[" + name.substring(name.lastIndexOf('.') + 1) + "] " : "";
      PrintStream err = System.err; // looked up per call: Main masks it
      synchronized (err) {
        err.println("  " + label + ": " + source + message);
        if (throwable != null && verbose) {
          throwable.printStackTrace(err);
        }
        err.flush();
      }
    }
  }
}
