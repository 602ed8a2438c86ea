package org.fmmbench.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.tasks.RealData;
import org.fmmbench.tasks.TaskProvider;
import org.fmmbench.tasks.TaskRegistry;

/**
 * Which data each task of a plan will use, worked out before anything runs and without touching the data: the
 * paper's files (found under the data directory) or a named stand-in. A run prints it, so no cell trains on a
 * stand-in unannounced, and refuses to start when real data is required but missing.
 *
 * @param task task name
 * @param source the data source the task will use (for {@code auto}, the real one if found, else the stand-in)
 * @param real whether that is the paper's data
 * @param looked where the real files were looked for, when they were not found; empty otherwise
 * @param required whether the task's settings or the command require real data
 */
public record DataSources(String task, String source, boolean real, String looked, boolean required) {
    /** Language-modelling corpora that are the paper's data (the rest are offline stand-ins). */
    private static final List<String> REAL_CORPORA = List.of("wikitext-103", "wikitext-2");

    /** One entry per task, in plan order, from the task's first cell. */
    public static List<DataSources> of(RunPlan plan, boolean requireReal) {
        Path dataDir = plan.dataDir() == null ? null : Path.of(plan.dataDir());
        Map<String, DataConfig> byTask = new LinkedHashMap<>();
        plan.cells().forEach(c -> byTask.putIfAbsent(c.config().task(), c.config().data()));
        Map<String, TaskProvider> providers = TaskRegistry.providers();
        List<DataSources> out = new ArrayList<>();
        byTask.forEach((task, data) -> {
            boolean required = requireReal || data.requireRealData();
            TaskProvider provider = providers.get(task);
            Optional<RealData> paper = provider == null ? Optional.empty() : provider.realData();
            if (paper.isEmpty()) {
                boolean real = provider != null || REAL_CORPORA.contains(data.source());
                out.add(new DataSources(task, data.source(), real, "", required));
                return;
            }
            RealData r = paper.get();
            boolean auto = data.source().equals("auto");
            boolean found = r.find(dataDir).isPresent();
            String standIn = provider.sources().stream().filter(s -> !s.equals(r.source())).findFirst().orElse("none");
            String source = auto ? (found ? r.source() : standIn) : data.source();
            boolean real = source.equals(r.source());
            out.add(new DataSources(task, source, real, real && found ? "" : r.looked(dataDir), required));
        });
        return out;
    }

    /** The line printed before the run when the task will not use its paper data; empty when it will. */
    public Optional<String> warning() {
        if (real) {
            return Optional.empty();
        }
        return Optional.of(task + ": no real data" + (looked.isEmpty() ? "" : " (" + looked + ")")
                + "; its cells use the stand-in " + source
                + (required ? "" : ". Pass --data-dir with the files, or --require-real-data to make this an error."));
    }

    /** The error of a run that requires real data, naming every task that lacks it; empty when all have it. */
    public static Optional<String> missingRequired(List<DataSources> sources) {
        List<String> missing = sources.stream().filter(s -> s.required() && !s.real())
                .map(s -> s.task() + " would use the stand-in " + s.source() + (s.looked().isEmpty() ? "" : " (" + s.looked() + ")"))
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Real data is required (--require-real-data or data.requireRealData) but " + String.join("; ", missing)
                + ". Put the files there and pass --data-dir, or drop the requirement to run on the stand-ins.");
    }
}
