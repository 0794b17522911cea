package io.syndata.engine;

import io.syndata.quality.FidelityReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did.
 *
 * @param sourceRows rows per table in the source
 * @param writtenRows rows per table written to the target
 * @param phaseTimes total wall time per phase (introspect, fit, generate+write, evaluate)
 * @param warnings everything the run warned about (tiny scales, inferred keys, orphans dropped)
 */
public record RunReport(
    Map<String, Long> sourceRows,
    Map<String, Long> writtenRows,
    Map<String, Duration> phaseTimes,
    List<String> warnings,
    Optional<FidelityReport> fidelity) {}
