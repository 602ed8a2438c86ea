package org.fmmbench.harness.train;

import org.fmmbench.tasks.recall.RecallSequences;

/** Task {@code near-recall}: predict the majority of the last five symbols; needs a sharp near field. */
public final class NearRecallWorkload extends RecallWorkload {
    public static final String TASK = "near-recall";

    public NearRecallWorkload() {
        super(TASK, RecallSequences.Field.NEAR);
    }
}
