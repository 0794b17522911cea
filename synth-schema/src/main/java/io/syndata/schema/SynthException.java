package io.syndata.schema;

/**
 * The one exception family of SynData. Its message says what went wrong, where (table, column, row,
 * file or option) and, where there is one, what to do; the CLI prints it as one line.
 */
public class SynthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SynthException(String message) {
    super(message);
  }

  public SynthException(String message, Throwable cause) {
    super(message, cause);
  }
}
