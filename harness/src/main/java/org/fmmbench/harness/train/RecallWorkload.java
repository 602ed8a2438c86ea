package org.fmmbench.harness.train;

import org.fmmbench.tasks.MaskedSequences;
import org.fmmbench.tasks.recall.RecallSequences;

/** A separating smoke task ({@link RecallSequences}, issue #15): one task name per field it needs. */
abstract class RecallWorkload extends MaskedSequenceWorkload {
    /** The smoke profile's L: the far task's gap (L/8 + 1 = 9) then exceeds even two layers of band k=5. */
    static final int DEFAULT_LENGTH = 64;

    private final String task;
    private final RecallSequences.Field field;

    RecallWorkload(String task, RecallSequences.Field field) {
        this.task = task;
        this.field = field;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public ReportSection reportSection() {
        return ReportSection.SEPARATING;
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
        return new RecallSequences(field, length, seed);
    }
}
