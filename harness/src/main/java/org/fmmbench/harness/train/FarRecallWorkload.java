package org.fmmbench.harness.train;

import org.fmmbench.tasks.recall.RecallSequences;

/** Task {@code far-recall}: predict a key more positions back than the band reaches; needs a far field. */
public final class FarRecallWorkload extends RecallWorkload {
    public static final String TASK = "far-recall";

    public FarRecallWorkload() {
        super(TASK, RecallSequences.Field.FAR);
    }
}
