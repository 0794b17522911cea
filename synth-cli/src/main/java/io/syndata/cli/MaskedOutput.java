package io.syndata.cli;

import io.syndata.connectors.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Terminal output with passwords masked ({@link Secrets}), line by line so that a password is never
 * split between two writes: every line the command line prints — messages, warnings, stack traces,
 * library logs — passes through here.
 */
final class MaskedOutput {
  private MaskedOutput() {}

  /** A writer that masks each line before passing it on. */
  static PrintWriter writer(PrintWriter out, Secrets secrets) {
    return new PrintWriter(new LineWriter(out, secrets), true);
  }

  /** A stream (for {@code System.err}) that masks each line before passing it on. */
  static PrintStream stream(PrintStream out, Secrets secrets) {
    Charset charset = Charset.defaultCharset();
    return new PrintStream(new LineStream(out, secrets, charset), true, charset);
  }

  private static final class LineWriter extends Writer {
    private final PrintWriter out;
    private final Secrets secrets;
    private final StringBuilder line = new StringBuilder();

    LineWriter(PrintWriter out, Secrets secrets) {
      this.out = out;
      this.secrets = secrets;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        line.append(buf[i]);
        if (buf[i] == '\n') {
          emit();
        }
      }
    }

    private void emit() {
      out.write(secrets.mask(line.toString()));
      line.setLength(0);
    }

    @Override
    public synchronized void flush() {
      if (line.length() > 0) {
        emit();
      }
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  private static final class LineStream extends OutputStream {
    private final PrintStream out;
    private final Secrets secrets;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineStream(PrintStream out, Secrets secrets, Charset charset) {
      this.out = out;
      this.secrets = secrets;
      this.charset = charset;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        emit();
      }
    }

    private void emit() {
      out.print(secrets.mask(line.toString(charset)));
      line.reset();
    }

    @Override
    public synchronized void flush() throws IOException {
      if (line.size() > 0) {
        emit();
      }
      out.flush();
    }
  }
}
