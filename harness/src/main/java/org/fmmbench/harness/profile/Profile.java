package org.fmmbench.harness.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A named, resolved benchmark configuration: which tasks run, with which paper rows, and how each cell is
 * sized. Loaded from {@code profiles/<name>.yaml} by {@link ProfileLoader}.
 *
 * @param name profile name (smoke, cpu, paper or a user file's name)
 * @param description one paragraph saying what the profile is for
 * @param seeds cells run with seeds 0 .. seeds-1, unless their task says otherwise ({@link TaskProfile#seeds})
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

    /**
     * This profile with only the named rows on each task (tasks keeping none drop out), in the profile's order.
     *
     * @throws IllegalArgumentException naming a row no task of the profile has
     */
    public Profile withRows(Collection<String> rowNames) {
        Set<String> known = new LinkedHashSet<>();
        tasks.forEach(t -> t.rows().forEach(r -> known.add(r.row())));
        for (String row : rowNames) {
            if (!known.contains(row)) {
                throw new IllegalArgumentException("Unknown row '" + row + "' for profile '" + name + "': its rows are "
                        + String.join(", ", known) + ".");
            }
        }
        List<TaskProfile> kept = new ArrayList<>();
        for (TaskProfile t : tasks) {
            List<PaperRow> rows = t.rows().stream().filter(r -> rowNames.contains(r.row())).toList();
            if (!rows.isEmpty()) {
                kept.add(new TaskProfile(t.task(), t.model(), t.train(), t.data(), rows, t.seeds()));
            }
        }
        return new Profile(name, description, seeds, threads, cellTimeout, List.copyOf(kept));
    }

    public List<String> taskNames() {
        return tasks.stream().map(TaskProfile::task).toList();
    }
}
