package org.fmmbench.harness.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.harness.profile.Durations;
import org.fmmbench.harness.profile.PaperRow;
import org.fmmbench.harness.profile.Profile;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.profile.TaskProfile;
import org.fmmbench.harness.results.RunDirectory;

/**
 * Turns a profile and the user's options into a {@link RunPlan}: tasks x rows x seeds, in that order.
 * Everything is validated here, before anything is written, so bad input never leaves a half-made run.
 */
public final class RunPlanner {

    /** Checks that a cell can be built (its variant exists and accepts its parameters, its task exists). */
    @FunctionalInterface
    public interface CellValidator {
        void validate(CellConfig cell);
    }

    private final CellValidator validator;
    private final int cores;

    public RunPlanner(CellValidator validator, int cores) {
        this.validator = validator;
        this.cores = cores;
    }

    public RunPlan plan(Profile profile, PlanRequest request) {
        List<TaskProfile> tasks = selectTasks(profile, request.tasks());
        List<PaperRow> replacementRows = request.variants() == null ? null : rowsOf(request.variants());
        if (request.seeds() != null && request.seeds() < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + request.seeds() + ".");
        }
        int threads = request.threads() != null ? request.threads() : profile.threads();
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 1 (or 0 for every core), got " + threads + ".");
        }
        threads = threads == 0 ? cores : threads;
        if (request.maxSteps() != null && request.maxSteps() < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + request.maxSteps() + ".");
        }
        String device = Devices.resolve(request.device() == null ? "auto" : request.device(), System.getenv());

        List<PlannedCell> cells = new ArrayList<>();
        for (TaskProfile task : tasks) {
            List<PaperRow> rows = replacementRows != null ? replacementRows : task.rows();
            TrainConfig train = capSteps(task.train(), request.maxSteps());
            int seeds = request.seeds() != null ? request.seeds() : task.seeds();
            for (PaperRow row : rows) {
                for (long seed = 0; seed < seeds; seed++) {
                    CellConfig c = new CellConfig(profile.name(), task.task(), row.row(), row.variant(), seed,
                            threads, device, task.model(), train, task.data());
                    validator.validate(c);
                    int index = cells.size();
                    String id = String.format(Locale.ROOT, "%03d-%s-%s-s%d", index, task.task(),
                            fileSafe(row.row()), seed);
                    cells.add(new PlannedCell(index, id, ConfigHash.of(c), c));
                }
            }
        }
        String timeout = Durations.format(request.cellTimeout() != null ? request.cellTimeout() : profile.cellTimeout());
        RunPlan draft = new RunPlan("", profile.name(), pathOrNull(request.dataDir()), pathOrNull(request.cacheDir()),
                timeout, List.copyOf(cells));
        String runId = RunDirectory.checkId(request.runId() != null ? request.runId()
                : profile.name() + "-" + draft.fingerprint().substring(0, 10));
        return new RunPlan(runId, draft.profile(), draft.dataDir(), draft.cacheDir(), draft.cellTimeout(),
                draft.cells());
    }

    private static List<TaskProfile> selectTasks(Profile profile, List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return profile.tasks();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String w : wanted) {
            String name = w.trim().toLowerCase(Locale.ROOT);
            if (!profile.taskNames().contains(name)) {
                throw new IllegalArgumentException("Unknown task '" + w + "' for profile '" + profile.name()
                        + "': choose from " + String.join(", ", profile.taskNames()) + ".");
            }
            names.add(name);
        }
        return profile.tasks().stream().filter(t -> names.contains(t.task())).toList();
    }

    /** Rows named after their specs, so a table shows exactly what ran. */
    static List<PaperRow> rowsOf(String variants) {
        List<PaperRow> rows = new ArrayList<>();
        for (VariantSpec spec : VariantSpec.parseList(variants)) {
            String text = spec.toString();
            if (rows.stream().anyMatch(r -> r.row().equals(text))) {
                throw new IllegalArgumentException("Variant '" + text + "' is listed twice in --variants.");
            }
            rows.add(new PaperRow(text, text));
        }
        return rows;
    }

    static TrainConfig capSteps(TrainConfig t, Integer maxSteps) {
        if (maxSteps == null) {
            return t;
        }
        TrainConfig capped = t.withSteps(maxSteps);
        ProfileLoader.checkTrain(capped, "--max-steps " + maxSteps);
        return capped;
    }

    static String fileSafe(String row) {
        return row.replaceAll("[^A-Za-z0-9_.-]+", "_");
    }

    private static String pathOrNull(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }
}
