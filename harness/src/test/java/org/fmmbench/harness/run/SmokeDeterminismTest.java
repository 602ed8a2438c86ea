package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.train.CurvePoint;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke profile, run twice with the same seed and thread count, gives identical numbers in every cell: every
 * task of the profile (language modelling included) with one FMMformer row, shortened to a few steps so the test
 * takes about a minute. (A whole smoke run twice is what README reports, by comparing two runs' results.csv.)
 */
class SmokeDeterminismTest {
    private static final String VARIANT = "fmm:k=5,kernels=elu+elu_flip,blend=near_channel,kmix=learned_ab";

    @TempDir
    Path tmp;

    @Test
    void smokeProfileGivesIdenticalResultsInEveryCellWhenRunTwice() throws Exception {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 1);
        Path cache = tmp.resolve("cache");
        RunPlan plan = planner.plan(ProfileLoader.load("smoke"), new PlanRequest(null, VARIANT, null, "cpu", 1, 6,
                null, cache, null, "determinism"));
        CellRunner runner = new CellRunner(new EngineCellTraining(null, cache), e -> { });
        List<String> ran = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            Path first = tmp.resolve("first");
            Path second = tmp.resolve("second");
            CellResult a = runner.run(plan, cell, first);
            CellResult b = runner.run(plan, cell, second);
            String where = cell.config().task() + " " + cell.config().row();
            assertEquals(a.status(), b.status(), where);
            if (a.status() == CellStatus.SKIPPED) {
                continue;
            }
            assertEquals(CellStatus.OK, a.status(), where + ": " + a.statusDetail());
            assertEquals(a.metrics().bestValAcc(), b.metrics().bestValAcc(), where);
            assertEquals(a.metrics().testAccBest(), b.metrics().testAccBest(), where);
            assertEquals(a.metrics().testAccLast(), b.metrics().testAccLast(), where);
            assertEquals(a.metrics().finalTrainLoss(), b.metrics().finalTrainLoss(), where);
            assertEquals(a.metrics().valPpl(), b.metrics().valPpl(), where);
            assertEquals(a.metrics().testPpl(), b.metrics().testPpl(), where);
            List<CurvePoint> curveA = CurveCsv.read(CellRunner.cellDir(first, cell).resolve("curve.csv"));
            List<CurvePoint> curveB = CurveCsv.read(CellRunner.cellDir(second, cell).resolve("curve.csv"));
            for (int i = 0; i < curveA.size(); i++) {
                assertEquals(curveA.get(i).trainLoss(), curveB.get(i).trainLoss(), 0.0, where + " step " + (i + 1));
            }
            ran.add(cell.config().task());
        }
        assertEquals(true, ran.containsAll(List.of("listops", "text", "retrieval", "pathfinder", "lm")),
                "every task with offline data must have run, ran " + ran);
    }
}
