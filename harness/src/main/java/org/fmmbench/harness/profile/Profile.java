package org.fmmbench.harness.profile;

import java.time.Duration;
import java.util.List;

/**
 * A named, resolved benchmark configuration: which tasks run, with which paper rows, and how each cell is
 * sized. Loaded from {@code profiles/<name>.yaml} by {@link ProfileLoader}.
 *
 * @param name profile name (smoke, cpu, paper or a user file's name)
 * @param description one paragraph saying what the profile is for
 * @param seeds cells run with seeds 0 .. seeds-1
 * @param threads intra-op threads per cell (0 = every core of the machine)
 * @param cellTimeout a cell still running after this long is stopped and recorded as {@code timeout}
 * @param tasks the tasks in the order they run
 */
public record Profile(String name, String description, int seeds, int threads, Duration cellTimeout,
        List<TaskProfile> tasks) {

    public TaskProfile task(String taskName) {
        for (TaskProfile t : tasks) {
            if (t.task().equals(taskName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Profile '" + name + "' has no task '" + taskName + "'. Its tasks: "
                + String.join(", ", taskNames()) + ".");
    }

    public List<String> taskNames() {
        return tasks.stream().map(TaskProfile::task).toList();
    }
}
