package org.fmmbench.tasks;

import java.util.List;

/**
 * Opens one task. Implementations are found with {@link java.util.ServiceLoader}, so a new task is a class
 * plus a line in {@code META-INF/services/org.fmmbench.tasks.TaskProvider}.
 */
public interface TaskProvider {
    /** The task name, e.g. {@code listops}. */
    String name();

    /** The data sources this task can read, preferred first; {@code auto} picks the first one present. */
    List<String> sources();

    /**
     * @throws MissingDataException when the requested (or, for {@code auto}, every) source is absent
     * @throws MalformedDataException when a data file is broken
     * @throws IllegalArgumentException for impossible options (unknown source, negative lengths ...)
     */
    Task open(TaskOptions options);

    /** The paper's data this task reads when it is present; empty for a task that has only generated data. */
    default java.util.Optional<RealData> realData() {
        return java.util.Optional.empty();
    }
}
