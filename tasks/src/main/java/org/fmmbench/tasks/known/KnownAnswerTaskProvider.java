package org.fmmbench.tasks.known;

import java.util.List;
import org.fmmbench.tasks.DataFiles;
import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;
import org.fmmbench.tasks.TaskProvider;

/**
 * Opens one of the generated learning checks of {@link KnownAnswerData}; the task name is the rule's. One
 * subclass per rule, because {@link java.util.ServiceLoader} needs a public no-argument constructor.
 */
public abstract class KnownAnswerTaskProvider implements TaskProvider {
    private final KnownAnswerData.Rule rule;

    KnownAnswerTaskProvider(KnownAnswerData.Rule rule) {
        this.rule = rule;
    }

    @Override
    public String name() {
        return rule.task();
    }

    @Override
    public List<String> sources() {
        return List.of(rule.source());
    }

    @Override
    public Task open(TaskOptions o) {
        DataFiles.checkSource(name(), o.source(), sources());
        return KnownAnswerData.open(rule, o);
    }

    /** {@code first-token}: the label is the first token of 500-1,000 noise tokens. */
    public static final class FirstToken extends KnownAnswerTaskProvider {
        public FirstToken() {
            super(KnownAnswerData.Rule.FIRST_TOKEN);
        }
    }

    /** {@code majority}: the label is the most frequent symbol; needs no attention. */
    public static final class Majority extends KnownAnswerTaskProvider {
        public Majority() {
            super(KnownAnswerData.Rule.MAJORITY);
        }
    }
}
