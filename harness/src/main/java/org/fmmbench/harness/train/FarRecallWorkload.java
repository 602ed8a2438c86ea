package org.fmmbench.harness.train;

import org.fmmbench.tasks.MaskedSequences;
import org.fmmbench.tasks.recall.RecallSequences;

/**
 * Task {@code far-recall}: predict the key at position 0, half a row or more away: needs a global (far) field ({@link RecallSequences}, issue #15's separating smoke task).
 */
public final class FarRecallWorkload extends MaskedSequenceWorkload {
    public static final String TASK = "far-recall";
    static final int DEFAULT_LENGTH = 32;

    @Override
    public String task() {
        return TASK;
    }

    @Override
    protected int defaultLength() {
        return DEFAULT_LENGTH;
    }

    /** A smoke cell's few hundred steps need the full rate throughout: no drop. */
    @Override
    protected double dropFraction() {
        return 1;
    }

    @Override
    protected MaskedSequences rows(int length, long seed) {
        return new RecallSequences(RecallSequences.Field.FAR, length, seed);
    }
}
