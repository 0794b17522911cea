package io.syndata.engine;

import io.syndata.schema.SynthException;

/**
 * How the generated rows reach a database target.
 *
 * <p>With one writer and no resume (the default) the whole run is one transaction: all or nothing,
 * and a failure leaves the target as found. With {@code writers} above 1, or {@code resume}, the
 * run is written partition by partition over that many connections, each partition in its own
 * transaction and recorded in the target, so a failure leaves the committed partitions there for
 * {@code --resume} (the same final rows as an uninterrupted run) or {@code --abort} (the target as
 * found). The rows are the same either way.
 *
 * @param writers connections writing partitions at once (1 to {@value #MAX_WRITERS})
 * @param resume continue the interrupted run the target records, if any
 */
public record WriteOptions(int writers, boolean resume) {
  public static final int MAX_WRITERS = 64;

  /** One transaction, no resume: all or nothing. */
  public static final WriteOptions SINGLE = new WriteOptions(1, false);

  public WriteOptions {
    if (writers < 1 || writers > MAX_WRITERS) {
      throw new SynthException(
          "--writers must be between 1 and " + MAX_WRITERS + ", was " + writers);
    }
  }

  /** Whether partitions are committed one by one rather than in one transaction. */
  public boolean partitioned() {
    return writers > 1 || resume;
  }
}
