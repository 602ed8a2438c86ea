package org.fmmbench.harness.compare;

import java.util.List;

/**
 * The comparison of one cell present in both runs. Ratios are candidate / baseline; a {@code null} ratio means
 * one side has no value.
 *
 * @param baseline the cell in the first baseline run; {@code baselineRepeats} runs hold it
 * @param qualityDelta candidate minus baseline, in points of accuracy or of perplexity
 * @param time step-time judgements, one per view (normalised and calibrated, or raw)
 * @param rawTimeRatio step-time ratio of the raw numbers (medians over repeats)
 * @param memory peak-memory judgements, one per view
 * @param regressions why this cell is a regression; empty when it is not
 * @param notes what else a reader should know (improvement, no reference, a value not recorded)
 */
record CellComparison(ComparableCell baseline, ComparableCell candidate, int baselineRepeats, int candidateRepeats,
        Double qualityDelta, List<Judgement> time, Double rawTimeRatio, List<Judgement> memory,
        Double rawMemoryRatio, List<String> regressions, List<String> notes) {

    boolean regressed() {
        return !regressions.isEmpty();
    }

    /** The first view's step-time ratio (normalised, or raw), for charts. */
    Double timeRatio() {
        return time.isEmpty() ? null : time.get(0).ratio();
    }

    /** The first view's peak-memory ratio, for charts. */
    Double memoryRatio() {
        return memory.isEmpty() ? null : memory.get(0).ratio();
    }
}
