package org.fmmbench.harness.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.fmmbench.tasks.TaskRegistry;

/**
 * The workload of each task name: the {@link Workload}s registered in {@code META-INF/services}, each owning its
 * name, and {@link ClassificationWorkload} for every task of the task registry.
 */
public final class Workloads {
    private final Map<String, Workload> byTask;
    private final Set<String> classificationTasks;
    private final Workload classification = new ClassificationWorkload();

    private Workloads(Map<String, Workload> byTask, Set<String> classificationTasks) {
        this.byTask = Map.copyOf(byTask);
        this.classificationTasks = Set.copyOf(classificationTasks);
    }

    /** The registered workloads and the task registry's tasks as classification. */
    public static Workloads load() {
        return load(TaskRegistry.providers().keySet());
    }

    /**
     * The registered workloads, and classification for {@code classificationTasks}.
     *
     * @throws IllegalStateException when two workloads claim one task name
     */
    public static Workloads load(Set<String> classificationTasks) {
        Map<String, Workload> found = new LinkedHashMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            Workload earlier = found.putIfAbsent(w.task(), w);
            if (earlier != null) {
                throw new IllegalStateException("Two workloads claim task '" + w.task() + "': "
                        + earlier.getClass().getName() + " and " + w.getClass().getName());
            }
        }
        return new Workloads(found, classificationTasks);
    }

    /**
     * The workload that runs cells of {@code task}.
     *
     * @throws IllegalArgumentException naming the known tasks when none does
     */
    public Workload find(String task) {
        Workload w = byTask.get(task);
        if (w != null) {
            return w;
        }
        if (classificationTasks.contains(task)) {
            return classification;
        }
        throw new IllegalArgumentException("Unknown task '" + task + "'. Known tasks: " + String.join(", ", tasks())
                + ".");
    }

    /**
     * The workload of {@code task}, or classification for a task no workload here claims: a results.csv or plan
     * written with a task plug-in that is not on this class path is still reported and estimated as before.
     */
    public Workload findOrClassification(String task) {
        return byTask.getOrDefault(task, classification);
    }

    /** Every task name a cell may have, sorted. */
    public Set<String> tasks() {
        Set<String> all = new TreeSet<>(classificationTasks);
        all.addAll(byTask.keySet());
        return all;
    }
}
