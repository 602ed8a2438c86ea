package org.fmmbench.tasks.known;

import java.util.List;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;

/**
 * Learning check: the label is the first token of 500-1,000 noise tokens (10 classes, chance 10%). Mean
 * pooling divides by the padded length, so without attention the first token is 1/N of the pooled vector; an
 * attention row must copy it to many positions, as ListOps needs its operators' results carried across the
 * sequence. See {@link KnownAnswerData}.
 */
public final class FirstTokenTaskProvider implements TaskProvider {
    public static final String GENERATED = "first-token-generated";

    @Override
    public String name() {
        return "first-token";
    }

    @Override
    public List<String> sources() {
        return List.of(GENERATED);
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        return KnownAnswerData.open(name(), GENERATED, KnownAnswerData.Rule.FIRST_TOKEN, o);
    }
}
