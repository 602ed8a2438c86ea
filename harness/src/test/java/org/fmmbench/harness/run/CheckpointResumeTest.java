package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmmbench.baselines.attention.VariantRegistry;
import org.fmmbench.harness.cli.FmmbenchCli;
import org.fmmbench.harness.profile.ProfileLoader;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.train.CurvePoint;
import org.fmmbench.tasks.TaskRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell killed mid-training and started again ends exactly as one that ran in one go: the same learning curve step
 * by step, the same best step and the same final metrics. Each run is a real child JVM as {@code reproduce} starts
 * it (one thread, smoke-sized model, 60 steps): once killed with SIGKILL right after a periodic checkpoint, once
 * stopped with SIGTERM (which writes a checkpoint at the end of the step in progress), for an LRA classification
 * cell, a language-model cell and a masked-sequence cell (far-recall, the copy task's workload).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointResumeTest {
    private static final int STEPS = 60;
    /** The row of each task's cell. */
    private static final Map<String, String> ROWS = Map.of("listops", "fmm2_band5", "lm", "fmm2_band20",
            "far-recall", "fmm1_band5");
    private static final Pattern RESUMED = Pattern.compile("resumed from the checkpoint after step (\\d+)");

    @TempDir
    static Path tmp;
    private RunPlan plan;

    @BeforeAll
    void plan() {
        RunPlanner planner = new RunPlanner(new RegistryCellValidator(VariantRegistry.load(),
                TaskRegistry.providers().keySet()), 1);
        plan = planner.plan(ProfileLoader.load("smoke").withRows(List.copyOf(ROWS.values())),
                new PlanRequest(List.copyOf(ROWS.keySet()), null, null, "cpu", 1, STEPS, null, tmp.resolve("cache"),
                        null, "resume"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"listops", "lm", "far-recall"})
    void cellKilledWithSigkillResumesToTheSameCurveAndMetrics(String task) throws Exception {
        PlannedCell cell = cell(task);
        Path whole = runToEnd(cell, task + "-whole", "off");

        Path killed = runDir(task + "-killed");
        Path checkpoint = CheckpointPolicy.checkpointFile(CellRunner.cellDir(killed, cell));
        Process first = start(cell, killed, "5");
        waitFor(first, () -> Files.exists(checkpoint));
        first.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint), "the kill left the checkpoint");
        assertFalse(Files.exists(CellRunner.cellDir(killed, cell).resolve(CellRunner.RESULT_FILE)),
                "killed before the end");
        List<CurvePoint> partial = CurveCsv.read(CellRunner.cellDir(killed, cell).resolve(CurveCsv.FILE_NAME));
        assertTrue(partial.size() >= 5 && partial.size() < STEPS,
                "the checkpoint left the curve so far beside it, " + partial.size() + " steps");
        finish(start(cell, killed, "5"));

        int resumedAfter = assertSameCell(whole, killed, cell);
        assertTrue(resumedAfter >= 5 && resumedAfter < STEPS && resumedAfter % 5 == 0, "resumed after " + resumedAfter);
        assertFalse(Files.exists(checkpoint), "an ok cell deletes its checkpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"listops", "lm", "far-recall"})
    void cellStoppedWithSigtermCheckpointsItsLastStepAndResumesToTheSameCurveAndMetrics(String task)
            throws Exception {
        PlannedCell cell = cell(task);
        Path whole = runToEnd(cell, task + "-whole-term", "off");

        Path stopped = runDir(task + "-stopped");
        Path stdout = CellRunner.cellDir(stopped, cell).resolve(ChildProcess.STDOUT_LOG);
        // No periodic checkpoint: only the stop writes one.
        Process first = start(cell, stopped, "1h");
        waitFor(first, () -> lastStep(stdout) >= 3);
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the stopped cell exits");
        assertTrue(Files.exists(CheckpointPolicy.checkpointFile(CellRunner.cellDir(stopped, cell))),
                "the stop wrote a checkpoint");
        finish(start(cell, stopped, "1h"));

        int resumedAfter = assertSameCell(whole, stopped, cell);
        assertTrue(resumedAfter >= 3 && resumedAfter < STEPS, "resumed after " + resumedAfter);
    }

    private PlannedCell cell(String task) {
        return plan.cells().stream().filter(c -> c.config().task().equals(task)
                && c.config().row().equals(ROWS.get(task))).findFirst().orElseThrow();
    }

    private Path runDir(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        plan.write(dir.resolve(RunPlan.FILE_NAME));
        return dir;
    }

    private Path runToEnd(PlannedCell cell, String name, String checkpointEvery) throws Exception {
        Path dir = runDir(name);
        finish(start(cell, dir, checkpointEvery));
        return dir;
    }

    /** The cell's child JVM exactly as {@code reproduce} starts it, with its output in the cell directory. */
    private Process start(PlannedCell cell, Path runDir, String checkpointEvery) throws IOException {
        List<String> command = new JvmChildCommand(FmmbenchCli.class.getName(),
                List.of("--checkpoint-every", checkpointEvery)).command(runDir.resolve(RunPlan.FILE_NAME), cell);
        Path dir = CellRunner.cellDir(runDir, cell);
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(ChildProcess.STDOUT_LOG).toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(ChildProcess.STDERR_LOG).toFile()));
        pb.environment().putAll(MatrixRunner.childEnvironment("1"));
        return pb.start();
    }

    private static void finish(Process process) throws InterruptedException {
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the cell finishes");
        assertEquals(0, process.exitValue(), "the cell ends ok");
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitFor(Process process, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.holds()) {
            assertTrue(process.isAlive(), "the cell ended before the point to interrupt it");
            assertTrue(System.nanoTime() < deadline, "the cell reached the point to interrupt it in time");
            Thread.sleep(5);
        }
    }

    private static int lastStep(Path stdout) throws IOException {
        if (!Files.exists(stdout)) {
            return 0;
        }
        int step = 0;
        for (String line : Files.readAllLines(stdout)) {
            step = ProgressEvent.parse(line).map(ProgressEvent::step).orElse(step);
        }
        return step;
    }

    /** Asserts identical curves and metrics; returns the step the second run resumed after. */
    private static int assertSameCell(Path whole, Path interrupted, PlannedCell cell) throws IOException {
        CellResult a = CellRunner.readResult(CellRunner.cellDir(whole, cell));
        CellResult b = CellRunner.readResult(CellRunner.cellDir(interrupted, cell));
        assertEquals(CellStatus.OK, a.status(), a.statusDetail());
        assertEquals(CellStatus.OK, b.status(), b.statusDetail());
        Map<String, Function<CellResult.Metrics, Object>> metrics = Map.of("bestValAcc",
                CellResult.Metrics::bestValAcc, "bestStep", CellResult.Metrics::bestStep, "testAccBest",
                CellResult.Metrics::testAccBest, "testAccLast", CellResult.Metrics::testAccLast, "finalTrainLoss",
                CellResult.Metrics::finalTrainLoss, "valPpl", CellResult.Metrics::valPpl, "testPpl",
                CellResult.Metrics::testPpl, "steps", CellResult.Metrics::steps);
        metrics.forEach((name, metric) -> assertEquals(metric.apply(a.metrics()), metric.apply(b.metrics()), name));
        List<CurvePoint> curveA = CurveCsv.read(CellRunner.cellDir(whole, cell).resolve(CurveCsv.FILE_NAME));
        List<CurvePoint> curveB = CurveCsv.read(CellRunner.cellDir(interrupted, cell).resolve(CurveCsv.FILE_NAME));
        assertEquals(STEPS, curveA.size());
        assertEquals(curveA.size(), curveB.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < curveA.size(); i++) {
            CurvePoint p = curveA.get(i);
            CurvePoint q = curveB.get(i);
            if (p.step() != q.step() || Double.compare(p.trainLoss(), q.trainLoss()) != 0
                    || Double.compare(p.valAccuracy(), q.valAccuracy()) != 0 || Double.compare(p.lr(), q.lr()) != 0
                    || Double.compare(p.valPerplexity(), q.valPerplexity()) != 0) {
                differences.add(p + " vs " + q);
            }
        }
        assertEquals(List.of(), differences, "curves differ");
        Matcher m = RESUMED.matcher(b.statusDetail());
        assertTrue(m.find(), "the interrupted cell says it resumed: '" + b.statusDetail() + "'");
        assertFalse(RESUMED.matcher(a.statusDetail()).find(), a.statusDetail());
        return Integer.parseInt(m.group(1));
    }
}
