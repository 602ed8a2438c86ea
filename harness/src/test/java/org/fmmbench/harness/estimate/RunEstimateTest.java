package org.fmmbench.harness.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.config.CellConfig;
import org.fmmbench.harness.config.DataConfig;
import org.fmmbench.harness.config.ModelConfig;
import org.fmmbench.harness.config.TrainConfig;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.results.ResultsCsv;
import org.fmmbench.harness.run.PlanRequest;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.run.RegistryCellValidator;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.RunPlanner;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEstimateTest {
    private static final ModelConfig MODEL = new ModelConfig(2, 64, 128, 2, 0.1f, 0.1f);

    @TempDir
    Path tmp;

    private static CellConfig cell(String task, String row, int seqLength, TrainConfig train) {
        return new CellConfig("cpu", task, row, row, 0, 1, "cpu", MODEL, train,
                new DataConfig("auto", seqLength, 20000, 1000, 1000, "auto"));
    }

    /** 12 steps of batch 8, one validation batch and one test batch (scored twice). */
    private static TrainConfig measuredSchedule() {
        return new TrainConfig(8, 12, 1, 1e-4, 0, 12, 1, 1);
    }

    private static CellResult measured(PlannedCell p, double cpuMs, double wallMs, double evalS, double cellS,
            double trainS) {
        CellConfig c = p.config();
        return new CellResult(new CellResult.Identity("m", 1, p.id(), c.task(), c.row(), c.variant(), "cpu", 0),
                CellStatus.OK, "", new CellResult.Config(p.configHash(), "src", "cpu", 1, "f"),
                new CellResult.Metrics(0.2, 12, 0.2, 0.2, 2.0, 12, trainS, wallMs, wallMs, 1.0, evalS, 100.0, 1L, null,
                null, null, cellS, cpuMs, 0.0, 0.0, 0.0, null, null, "", null, null), new Provenance("abc", false, "x",
                "j", "d", "p"), "t");
    }

    /** A measurement run directory holding {@code cells} with the given costs. */
    private Path measurement(String name, List<PlannedCell> cells, List<double[]> costs) throws IOException {
        Path dir = tmp.resolve(name);
        java.nio.file.Files.createDirectories(dir);
        new RunPlan(name, "cpu", null, null, "45m", cells).write(dir.resolve(RunPlan.FILE_NAME));
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            double[] k = costs.get(i);
            results.add(measured(cells.get(i), k[0], k[1], k[2], k[3], k[4]));
        }
        ResultsCsv.write(dir.resolve("results.csv"), results);
        return dir;
    }

    private static RunPlan planOf(String task, String row, int seqLength) {
        return new RunPlan("r", "cpu", null, null, "1h", List.of(planned(0, cell(task, row, seqLength,
                measuredSchedule()))));
    }

    /** A measurement of one cell at the measured schedule, {@code cpuMs} per step. */
    private Path measurementOf(String name, String task, String row, int seqLength, double cpuMs) throws IOException {
        return measurement(name, List.of(planned(0, cell(task, row, seqLength, measuredSchedule()))),
                List.<double[]>of(new double[] {cpuMs, 1, 1, 3, 1}));
    }

    private static PlannedCell planned(int i, CellConfig c) {
        return new PlannedCell(i, String.format("%03d-%s-%s-s0", i, c.task(), c.row()), "h" + i, c);
    }

    /**
     * The committed step-time measurements of the cpu profile: 12-step runs of every cell
     * (docs/measurements/cpu-profile/README.md), replaced where they have the cell by the full runs' medians over all
     * their steps (results/reference/cpu), which ran as the profile runs: two cells side by side on 2 cores.
     */
    private static final List<Path> CPU_MEASUREMENTS = List.of(Path.of("..", "docs", "measurements", "cpu-profile"),
            Path.of("..", "results", "reference", "cpu", "cpu-core1d"),
            Path.of("..", "results", "reference", "cpu", "cpu-core2"));

    @Test
    void cpuProfileFitsEightHoursOnTwoCoresByItsCommittedMeasurements() throws IOException {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 2);
        RunPlan plan = planner.plan(ProfileLoader.load("cpu"),
                new PlanRequest(null, null, null, "cpu", 1, null, null, null, null, null));
        RunEstimate e = RunEstimate.of(plan, StepMeasurements.read(CPU_MEASUREMENTS));

        assertEquals(plan.cells().size(), e.cells().size());
        assertTrue(e.wallS(2) <= 8 * 3600, "cpu profile: " + e.wallS(2) / 3600 + " h on 2 cores");
        // the budget is used, not left idle: a profile far under it trains less than it could
        assertTrue(e.wallS(2) >= 6 * 3600, "cpu profile: " + e.wallS(2) / 3600 + " h on 2 cores");
    }

    @Test
    void trainingScalesTheMeasuredCpuPerStepByExamplesPerStep() throws IOException {
        PlannedCell m = planned(0, cell("listops", "linear", 1024, measuredSchedule()));
        // CPU 200 ms per step of 8; evaluation 3 batches at wall 300 ms/step took 0.45 s: half a step per batch
        Path dir = measurement("m", List.of(m), List.of(new double[] {200, 300, 0.45, 20.45, 10}));
        TrainConfig planned = new TrainConfig(16, 100, 10, 1e-4, 0, 50, 4, 2);
        CellEstimate e = RunEstimate.of(new RunPlan("r", "cpu", null, null, "1h",
                List.of(planned(0, cell("listops", "linear", 1024, planned)))), StepMeasurements.read(List.of(dir)))
                .cells().get(0);

        assertEquals(100 * 16 * 25 / 1000.0, e.trainS(), 1e-9);
        // 2 validations x 4 batches + 2 x 2 test batches = 12 passes of 16 examples, each half a step (12.5 ms/ex)
        assertEquals(12 * 16 * 12.5 / 1000, e.evalS(), 1e-9);
        assertEquals(20.45 - 10 - 0.45, e.overheadS(), 1e-9);
    }

    @Test
    void languageModelEvaluationCountsSlidingWindowsOfHalfTheContext() {
        TrainConfig t = new TrainConfig(16, 800, 80, 2.5e-4, 0, 100, 0, 0, 0.25, 0);
        CellConfig lm = new CellConfig("cpu", "lm", "linear", "linear", 0, 1, "cpu", MODEL, t,
                new DataConfig("europarl-bytes", 256, 0, 16384, 65536, "auto"));
        // val: (16384-256)/128+1 = 127 windows = 8 batches, 8 times; test: 511 windows = 32 batches
        assertEquals(8 * 8 + 32, EvalBatches.of(lm));
    }

    @Test
    void tasksGoLongestFirstToTheLeastLoadedCore() throws IOException {
        TrainConfig one = new TrainConfig(8, 1, 1, 1e-4, 0, 1, 1, 1);
        List<PlannedCell> m = List.of(planned(0, cell("a", "linear", 64, one)), planned(1, cell("b", "linear", 64, one)),
                planned(2, cell("c", "linear", 64, one)));
        // no training or evaluation cost to speak of: the cells' start-up overheads are 5, 3 and 3 hours
        Path dir = measurement("m", m, List.of(new double[] {0, 1, 0, 5 * 3600, 0}, new double[] {0, 1, 0, 3 * 3600, 0},
                new double[] {0, 1, 0, 3 * 3600, 0}));
        RunEstimate e = RunEstimate.of(new RunPlan("r", "cpu", null, null, "1h", m), StepMeasurements.read(List.of(dir)));

        assertEquals(List.of(List.of("a"), List.of("b", "c")), e.tasksPerCore(2));
        assertEquals(6 * 3600, e.wallS(2), 1e-6);
        assertEquals(11 * 3600, e.wallS(1), 1e-6);
    }

    /** The message of the estimate of {@code plan} from a measurement of {@code row} at {@code length} tokens. */
    private String refusal(String task, String row, int length, RunPlan plan) throws IOException {
        Path dir = measurementOf("m", task, row, length, 1);
        return assertThrows(IllegalArgumentException.class,
                () -> RunEstimate.of(plan, StepMeasurements.read(List.of(dir)))).getMessage();
    }

    @Test
    void aMeasurementAtAnotherSequenceLengthIsRefusedNamingBoth() throws IOException {
        String m = refusal("retrieval", "softmax", 1024, planOf("retrieval", "softmax", 4096));
        assertTrue(m.contains("1024 tokens") && m.contains("4096 tokens"), m);
    }

    @Test
    void aLaterMeasurementReplacesAnEarlierOneOfTheSameTaskAndRow() throws IOException {
        Path short1 = measurementOf("short", "retrieval", "softmax", 1024, 1);
        Path long1 = measurementOf("long", "retrieval", "softmax", 4096, 800);
        RunPlan plan = planOf("retrieval", "softmax", 4096);

        assertEquals(12 * 800 / 1000.0,
                RunEstimate.of(plan, StepMeasurements.read(List.of(short1, long1))).cells().get(0).trainS(), 1e-9);
    }

    @Test
    void aRowWithoutMeasurementIsNamed() throws IOException {
        String m = refusal("listops", "linear", 1024, planOf("listops", "none", 1024));
        assertTrue(m.contains("listops/none"), m);
    }
}
