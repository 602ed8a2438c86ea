package org.fmmbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;

/** Small plans whose variant names tell {@link FakeCellMain} how to behave. */
final class TestPlans {
    private TestPlans() {
    }

    static CellConfig config(String task, String variant, int steps) {
        return new CellConfig("test", task, variant, variant, 0, 1, "cpu",
                new ModelConfig(2, 32, 64, 2, 0.1f, 0.1f), new TrainConfig(8, steps, 1, 1e-3, 0, 2, 1, 1),
                new DataConfig("auto", 128, 64, 16, 16, "pad"));
    }

    static RunPlan plan(String runId, String... behaviours) {
        List<PlannedCell> cells = new ArrayList<>();
        for (String b : behaviours) {
            CellConfig c = config("listops", b, 4);
            int i = cells.size();
            cells.add(new PlannedCell(i, String.format("%03d-listops-%s-s0", i, b), ConfigHash.of(c), c));
        }
        return new RunPlan(runId, "test", null, null, "1m", cells);
    }
}
