package org.fmmbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;

/** Small plans whose variant names tell {@link FakeCellMain} how to behave. */
public final class TestPlans {
    private TestPlans() {
    }

    public static CellConfig config(String task, String variant, int steps) {
        return config(task, variant, steps, 0);
    }

    public static CellConfig config(String task, String variant, int steps, long seed) {
        return new CellConfig("test", task, variant, variant, seed, 1, "cpu",
                new ModelConfig(2, 32, 64, 2, 0.1f, 0.1f), new TrainConfig(8, steps, 1, 1e-3, 0, 2, 1, 1),
                new DataConfig("auto", 128, 64, 16, 16, "pad"));
    }

    /** Cells of {@code task} and {@code seed} in the given order; each behaves normally. */
    public static RunPlan plan(String runId, List<String> tasksAndSeeds) {
        List<PlannedCell> cells = new ArrayList<>();
        for (String taskSeed : tasksAndSeeds) {
            String[] ts = taskSeed.split(":");
            CellConfig c = config(ts[0], "ok", 4, Long.parseLong(ts[1]));
            int i = cells.size();
            cells.add(new PlannedCell(i, String.format("%03d-%s-ok-s%s", i, ts[0], ts[1]), ConfigHash.of(c), c));
        }
        return new RunPlan(runId, "test", null, null, "1m", cells);
    }

    public static RunPlan plan(String runId, String... behaviours) {
        List<PlannedCell> cells = new ArrayList<>();
        for (String b : behaviours) {
            CellConfig c = config("listops", b, 4);
            int i = cells.size();
            cells.add(new PlannedCell(i, String.format("%03d-listops-%s-s0", i, b), ConfigHash.of(c), c));
        }
        return new RunPlan(runId, "test", null, null, "1m", cells);
    }
}
