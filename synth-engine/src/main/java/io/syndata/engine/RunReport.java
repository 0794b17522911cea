package io.syndata.engine;

import io.syndata.quality.FidelityReport;
import io.syndata.quality.QualityReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did.
 *
 * @param sourceRows rows per table in the source
 * @param trainingRows rows per table the model learned (fewer than the source with a holdout)
 * @param writtenRows rows per table written to the target
 * @param phaseTimes total wall time per phase (introspect, fit, generate+write, evaluate)
 * @param warnings everything the run warned about (tiny scales, inferred keys, orphans dropped)
 * @param fidelity the fidelity figures, when evaluated
 * @param report the full quality report, when asked for
 */
public record RunReport(
    Map<String, Long> sourceRows,
    Map<String, Long> trainingRows,
    Map<String, Long> writtenRows,
    Map<String, Duration> phaseTimes,
    List<String> warnings,
    Optional<FidelityReport> fidelity,
    Optional<QualityReport> report) {}
