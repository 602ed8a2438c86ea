package org.fmmbench.harness.compare;

import java.util.List;

/**
 * Everything {@code compare} found: matched cells with regressions first, cells of one side only, and notes
 * about the inputs (e.g. a file kind present on one side only), and each row's step time pooled over its cells. A cell of the baseline missing from the candidate
 * is a regression: a variant that stopped running must not pass unseen.
 */
record ComparisonResult(List<CellComparison> matched, List<ComparableCell> onlyInBaseline,
        List<ComparableCell> onlyInCandidate, List<RowPool> pools, List<String> notes) {

    long regressionCount() {
        return matched.stream().filter(CellComparison::regressed).count();
    }

    boolean regressed() {
        return regressionCount() > 0 || !onlyInBaseline.isEmpty() || pools.stream().anyMatch(RowPool::regressed);
    }
}
