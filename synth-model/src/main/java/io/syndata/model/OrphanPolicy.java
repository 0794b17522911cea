package io.syndata.model;

import io.syndata.schema.SynthException;
import java.util.Locale;

/** What fitting does with source rows whose foreign-key value has no parent row. */
public enum OrphanPolicy {
  /** Stop with an error that counts the orphans per foreign key (the default). */
  FAIL,
  /** Leave such rows out of the training data. */
  DROP,
  /** Treat the dangling value as NULL (only for nullable foreign keys). */
  NULL;

  /**
   * The policy a user named: fail, drop or null, in any case.
   *
   * @param option how the user set it ({@code --orphans}, {@code <orphans>}, ...), for the error
   * @throws SynthException naming the option and the value when it is none of them
   */
  public static OrphanPolicy parse(String value, String option) {
    return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
      case "fail" -> FAIL;
      case "drop" -> DROP;
      case "null" -> NULL;
      default -> throw new SynthException(option + " must be fail, drop or null, was " + value);
    };
  }
}
