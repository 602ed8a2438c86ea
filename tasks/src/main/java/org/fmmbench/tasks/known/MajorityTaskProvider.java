package org.fmmbench.tasks.known;

import java.util.List;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;

/**
 * Learning check: every token is one of 10 symbols and the label is the most frequent one (drawn 30% of the
 * time, the others 7% each; chance 10%). The answer is in the mean of the token embeddings, so every row, the
 * attention-free {@code none} included, should reach ~100%: one that does not shows a defect in the trainer,
 * masking or pooling rather than in attention. See {@link KnownAnswerData}.
 */
public final class MajorityTaskProvider implements TaskProvider {
    public static final String GENERATED = "majority-generated";

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public List<String> sources() {
        return List.of(GENERATED);
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        return KnownAnswerData.open(name(), GENERATED, KnownAnswerData.Rule.MAJORITY, o);
    }
}
