package org.fmmbench.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds tasks by name among the {@link TaskProvider}s on the class path. */
public final class TaskRegistry {
    private TaskRegistry() {
    }

    /** Known providers by name, in class-path order. */
    public static Map<String, TaskProvider> providers() {
        Map<String, TaskProvider> byName = new LinkedHashMap<>();
        for (TaskProvider provider : ServiceLoader.load(TaskProvider.class, TaskRegistry.class.getClassLoader())) {
            byName.putIfAbsent(provider.name(), provider);
        }
        return byName;
    }

    public static TaskProvider provider(String name) {
        Map<String, TaskProvider> all = providers();
        TaskProvider provider = all.get(name);
        if (provider == null) {
            String known = all.values().stream()
                    .map(p -> p.name() + " (sources: " + String.join(", ", p.sources()) + ")")
                    .collect(Collectors.joining("; "));
            throw new IllegalArgumentException("unknown task '" + name + "'; known tasks: " + known);
        }
        return provider;
    }

    public static Task open(String name, TaskOptions options) {
        TaskOptionsCheck.validate(options);
        return provider(name).open(options);
    }
}
