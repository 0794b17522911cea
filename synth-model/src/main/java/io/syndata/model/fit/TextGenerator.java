package io.syndata.model.fit;

import java.util.SplittableRandom;

/**
 * Makes the values of a text or personal-data column independently of the other columns: by the
 * source's shapes ({@link TextModel}) or by fakes of its kind ({@link PiiModel}). Every model kind
 * uses these, so free text is never copied whatever the kind.
 */
public interface TextGenerator {
  /** Fills {@code out[0..n)}; all randomness comes from {@code random}. */
  void generate(String[] out, int n, SplittableRandom random);
}
