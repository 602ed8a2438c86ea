package org.fmmbench.harness.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The {@link Workload}s on the class path, one per task name. */
public final class Workloads {
    private final Map<String, Workload> byTask;

    private Workloads(Map<String, Workload> byTask) {
        this.byTask = Map.copyOf(byTask);
    }

    /** Every workload registered in {@code META-INF/services}; two claiming one task name is an error. */
    public static Workloads load() {
        Map<String, Workload> found = new LinkedHashMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            Workload earlier = found.putIfAbsent(w.task(), w);
            if (earlier != null) {
                throw new IllegalStateException("Two workloads claim task '" + w.task() + "': "
                        + earlier.getClass().getName() + " and " + w.getClass().getName());
            }
        }
        return new Workloads(found);
    }

    /** The workload of {@code task}, or {@code null} when the task is trained by another trainer. */
    public Workload find(String task) {
        return byTask.get(task);
    }

    public java.util.Set<String> tasks() {
        return byTask.keySet();
    }
}
