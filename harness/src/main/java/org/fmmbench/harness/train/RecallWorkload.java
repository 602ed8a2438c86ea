package org.fmmbench.harness.train;

import org.fmmbench.tasks.MaskedSequences;
import org.fmmbench.tasks.recall.RecallSequences;

/** A separating smoke task ({@link RecallSequences}, issue #15): one task name per field it needs. */
abstract class RecallWorkload extends MaskedSequenceWorkload {
    /** The smoke profile's L: the far task's gap (L/8 + 1 = 9) then exceeds even two layers of band k=5. */
    static final int DEFAULT_LENGTH = 64;

    private final RecallSequences.Field field;

    /** A smoke cell's few hundred steps need the full rate throughout: no drop (fraction 1). */
    RecallWorkload(String task, RecallSequences.Field field) {
        super(task, ReportSection.SEPARATING, DEFAULT_LENGTH, 1);
        this.field = field;
    }

    @Override
    protected MaskedSequences rows(int length, long seed) {
        return new RecallSequences(field, length, seed);
    }
}
