package io.syndata.engine;

import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import java.util.Map;

/**
 * One end-to-end run: learn {@code source}, write a synthetic copy to {@code target}.
 *
 * @param target a JDBC URL or a folder for one CSV file per table plus {@code schema.json}
 * @param evaluate whether to read the target back and compare it with the source
 */
public record GenerateRequest(
    SourceSpec source, String target, FitOptions fit, GenerationOptions generation, boolean evaluate) {

  /** Scale 1, seed 42, orphans fail, evaluation on. */
  public static GenerateRequest of(SourceSpec source, String target) {
    long seed = 42;
    return new GenerateRequest(source, target, new FitOptions(seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
        new GenerationOptions(1.0, Map.of(), seed), true);
  }
}
