package org.fmmbench.harness.compare;

import java.util.List;

/**
 * The comparison of one cell present in both runs. Ratios are candidate / baseline; a {@code null} ratio means
 * one side has no value (or, normalised, its run has no reference to divide by).
 *
 * @param qualityDelta candidate minus baseline, in points of accuracy or of perplexity
 * @param timeRatio step-time ratio as gated: normalised unless the comparison is raw
 * @param rawTimeRatio step-time ratio of the raw numbers
 * @param regressions why this cell is a regression; empty when it is not
 * @param notes what else a reader should know (config hash changed, improvement, no reference)
 */
record CellComparison(ComparableCell baseline, ComparableCell candidate, Double qualityDelta, Double timeRatio,
        Double rawTimeRatio, Double memoryRatio, Double rawMemoryRatio, List<String> regressions,
        List<String> notes) {

    boolean regressed() {
        return !regressions.isEmpty();
    }
}
