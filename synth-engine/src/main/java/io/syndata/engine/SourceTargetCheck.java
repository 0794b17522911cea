package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.connectors.Locations;
import io.syndata.schema.SynthException;
import java.util.Optional;

/**
 * Refuses a target that is the source itself — the same server database (however the URL spells
 * host, port and parameters), the same embedded database file or named in-memory database, or the
 * same folder — before anything is opened: writing there would mix synthetic rows into real ones.
 */
public final class SourceTargetCheck {
  private SourceTargetCheck() {}

  /**
   * Fails when {@code target} names the same database or folder as {@code source}.
   *
   * @throws SynthException naming the target (without password) and what to do
   */
  public static void refuseSame(String source, String target) {
    Optional<String> a = Locations.identity(source);
    if (a.isPresent() && a.equals(Locations.identity(target))) {
      throw new SynthException(
          "target "
              + Connectors.redact(target)
              + " is the source itself: synthesize into another database or folder"
              + " (the target database must exist: CREATE DATABASE ...)");
    }
  }
}
