package org.fmmbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fmmbench.harness.results.AtomicFiles;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.results.CurveCsv;
import org.fmmbench.harness.results.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixRunnerTest {
    @TempDir
    Path runDir;

    private final List<String> events = new ArrayList<>();

    private final RunProgress recorder = new RunProgress() {
        @Override
        public void dataPreparing(PlannedCell cell) {
            events.add("prepare " + cell.id());
        }

        @Override
        public void dataPrepared(PlannedCell cell, double seconds, String problem) {
            events.add((problem == null ? "ready " : "not ready " + problem + " ") + cell.id());
        }

        @Override
        public void cellStarted(PlannedCell cell, int cellsTotal) {
            events.add("start " + cell.id());
        }

        @Override
        public void cellProgress(PlannedCell cell, ProgressEvent event) {
            events.add("step " + cell.id() + " " + event.step());
        }

        @Override
        public void cellFinished(PlannedCell cell, CellResult result, boolean reused) {
            events.add((reused ? "kept " : "done ") + cell.id());
        }
    };

    private List<CellResult> run(RunPlan plan, Duration timeout, boolean force) throws Exception {
        plan.write(runDir.resolve(RunPlan.FILE_NAME));
        return new MatrixRunner(plan, runDir, new JvmChildCommand(FakeCellMain.class.getName()), timeout, force,
                recorder).run();
    }

    private List<String> invocations() throws IOException {
        Path log = runDir.resolve("invocations.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void dataIsPreparedOncePerTaskAndSeedBeforeTheFirstCellThatRuns() throws Exception {
        RunPlan plan = TestPlans.plan("r", List.of("listops:0", "listops:0", "text:0", "listops:1", "text:0"));
        run(plan, Duration.ofSeconds(20), false);
        assertEquals(List.of(plan.cell(0).id(), plan.cell(2).id(), plan.cell(3).id()), prepared());
        assertEquals(List.of("prepare " + plan.cell(0).id(), "ready " + plan.cell(0).id(), "start " + plan.cell(0).id()),
                events.subList(0, 3));
        assertTrue(Files.isDirectory(CellRunner.cellDir(runDir, plan.cell(0)).resolve(MatrixRunner.PREPARE_DIR)));

        // A resumed run prepares nothing for the cells it keeps, and prepares again for the one that reruns.
        Files.delete(runDir.resolve("prepared.log"));
        Files.delete(CellRunner.cellDir(runDir, plan.cell(4)).resolve(CellRunner.RESULT_FILE));
        run(plan, Duration.ofSeconds(20), false);
        assertEquals(List.of(plan.cell(4).id()), prepared());
    }

    private List<String> prepared() throws IOException {
        Path log = runDir.resolve("prepared.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void everyMisbehavingCellEndsWithItsOwnStatusWhileTheOthersFinish() throws Exception {
        RunPlan plan = TestPlans.plan("r", "ok", "throws", "hang", "nan", "kill9", "oom", "missing",
                "crash-before-training", "ok");
        // generous: a child JVM starts in ~1.5 s on an idle 2-core box, but much slower when the box is shared
        List<CellResult> results = run(plan, Duration.ofSeconds(20), false);

        assertEquals(List.of(CellStatus.OK, CellStatus.FAILED, CellStatus.TIMEOUT, CellStatus.DIVERGED, CellStatus.OOM,
                CellStatus.OOM, CellStatus.SKIPPED, CellStatus.FAILED, CellStatus.OK),
                results.stream().map(CellResult::status).toList());
        assertEquals("IllegalStateException: deliberate failure", results.get(1).statusDetail());
        assertTrue(results.get(2).statusDetail().startsWith("no result after 20s"), results.get(2).statusDetail());
        assertTrue(results.get(3).statusDetail().contains("NaN"), results.get(3).statusDetail());
        assertTrue(results.get(4).statusDetail().contains("signal 9"), results.get(4).statusDetail());
        assertTrue(results.get(5).statusDetail().contains("OutOfMemoryError"), results.get(5).statusDetail());
        assertEquals("no data for listops: put it in DIR", results.get(6).statusDetail());
        assertTrue(results.get(7).statusDetail().contains("exit code 1")
                && results.get(7).statusDetail().contains("broken install"), results.get(7).statusDetail());

        // Cells that died still have a memory figure (sampled by the parent) and their stderr.
        assertNotNull(results.get(4).metrics().peakRssMib());
        assertTrue(Files.exists(CellRunner.cellDir(runDir, plan.cell(7)).resolve(ChildProcess.STDERR_LOG)));
        // The trained cells report their metrics, curve and the child's own peak memory.
        CellResult ok = results.get(0);
        assertEquals(0.45, ok.metrics().testAccBest());
        assertEquals(4242L, ok.metrics().params());
        assertTrue(ok.metrics().peakRssMib() > 10, "peak RSS " + ok.metrics().peakRssMib());
        assertTrue(ok.metrics().cellWallS() > 0);
        assertEquals(4, CurveCsv.read(CellRunner.cellDir(runDir, plan.cell(0)).resolve(CurveCsv.FILE_NAME)).size());
        assertTrue(events.contains("step " + plan.cell(0).id() + " 4"), events.toString());

        List<CellResult> csv = ResultsCsv.read(runDir.resolve(MatrixRunner.RESULTS_FILE));
        assertEquals(results, csv);
    }

    @Test
    void resumeAfterAKillRunsOnlyCellsWithoutAKeptResult() throws Exception {
        RunPlan plan = TestPlans.plan("r", "ok", "ok", "ok", "ok", "ok");
        run(plan, Duration.ofMinutes(1), false);
        assertEquals(5, invocations().size());

        // What a kill leaves behind: cell 2 never finished, cell 3 failed, cell 4 holds a result of an older
        // configuration, and half-written temporary files lie next to cell 1's result and the CSV.
        Files.delete(CellRunner.cellDir(runDir, plan.cell(2)).resolve(CellRunner.RESULT_FILE));
        Path cell3 = CellRunner.cellDir(runDir, plan.cell(3));
        CellRunner.writeResult(cell3, withStatus(CellRunner.readResult(cell3), CellStatus.FAILED));
        Path cell4 = CellRunner.cellDir(runDir, plan.cell(4));
        CellRunner.writeResult(cell4, withHash(CellRunner.readResult(cell4), "0ld"));
        Files.writeString(CellRunner.cellDir(runDir, plan.cell(1)).resolve(".result.json" + AtomicFiles.TEMP_MARKER + "1"),
                "{\"run_id\": \"r\", \"sta");
        Files.writeString(runDir.resolve(".results.csv" + AtomicFiles.TEMP_MARKER + "2"), "run_id,sche");
        events.clear();

        List<CellResult> resumed = run(plan, Duration.ofMinutes(1), false);

        List<String> inv = invocations();
        assertEquals(List.of(plan.cell(2).id(), plan.cell(3).id(), plan.cell(4).id()), inv.subList(5, inv.size()));
        assertEquals(List.of("kept " + plan.cell(0).id(), "kept " + plan.cell(1).id()),
                events.stream().filter(e -> e.startsWith("kept")).toList());
        assertEquals(5, resumed.size());
        assertTrue(resumed.stream().allMatch(r -> r.status() == CellStatus.OK));
        assertEquals(resumed, ResultsCsv.read(runDir.resolve(MatrixRunner.RESULTS_FILE)));
        try (var files = Files.list(runDir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(AtomicFiles.TEMP_MARKER)));
        }
    }

    @Test
    void outOfMemoryCellIsRetriedOnceWithHalfTheMicroBatchAndTheRetryIsRecorded() throws Exception {
        RunPlan plan = TestPlans.plan("r", "oom-unless-halved", "oom");
        List<CellResult> results = run(plan, Duration.ofSeconds(30), false);
        CellResult recovered = results.get(0);
        assertEquals(CellStatus.OK, recovered.status(), recovered.statusDetail());
        assertEquals(4, recovered.metrics().oomRetryMicroBatch());
        assertTrue(recovered.statusDetail().startsWith("retried with micro-batch 4 after OOM at micro-batch 8"),
                recovered.statusDetail());
        CellResult stillOom = results.get(1);
        assertEquals(CellStatus.OOM, stillOom.status());
        assertEquals(4, stillOom.metrics().oomRetryMicroBatch(), "retried once, not again");
        assertEquals(4, invocations().size(), "each cell ran twice");
        List<CellResult> csv = ResultsCsv.read(runDir.resolve(MatrixRunner.RESULTS_FILE));
        assertEquals(4, csv.get(0).metrics().oomRetryMicroBatch());
    }

    @Test
    void unreadableResultIsAFailedRowNamingTheFileNotAMissingRow() throws Exception {
        RunPlan plan = TestPlans.plan("r", "unreadable-result", "ok");
        List<CellResult> results = run(plan, Duration.ofSeconds(30), false);
        assertEquals(2, results.size());
        assertEquals(CellStatus.FAILED, results.get(0).status());
        assertTrue(results.get(0).statusDetail().contains("result is unreadable")
                && results.get(0).statusDetail().contains(CellRunner.RESULT_FILE), results.get(0).statusDetail());
        // the child's garbage was replaced by the failed row, so a later merge reads it back
        assertEquals(CellStatus.FAILED, MatrixRunner.merge(plan, runDir).get(0).status());
    }

    @Test
    void forceRunsEveryCellAgain() throws Exception {
        RunPlan plan = TestPlans.plan("r", "ok");
        run(plan, Duration.ofMinutes(1), false);
        run(plan, Duration.ofMinutes(1), false);
        assertEquals(1, invocations().size(), "kept without --force");
        run(plan, Duration.ofMinutes(1), true);
        assertEquals(2, invocations().size());
    }

    private static CellResult withStatus(CellResult r, CellStatus s) {
        return r.with("status", s.label());
    }

    private static CellResult withHash(CellResult r, String hash) {
        return r.with("config_hash", hash);
    }
}
