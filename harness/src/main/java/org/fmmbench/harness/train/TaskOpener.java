package org.fmmbench.harness.train;

import org.fmmbench.tasks.Task;
import org.fmmbench.tasks.TaskOptions;

/** Opens a task by name; {@code TaskRegistry::open} in production, a small fake in tests. */
@FunctionalInterface
public interface TaskOpener {
    Task open(String name, TaskOptions options);
}
