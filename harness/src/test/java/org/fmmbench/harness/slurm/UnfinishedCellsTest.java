package org.fmmbench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.CellOutcomes;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.run.RunPlan;
import org.fmmbench.harness.run.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfinishedCellsTest {
    @TempDir
    Path runDir;

    private final RunPlan plan = TestPlans.plan("r", List.of("listops:0", "listops:0", "listops:0", "text:0",
            "listops:0", "listops:0"));

    private void log(Path file, String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
    }

    private CellResult result(int index) throws java.io.IOException {
        return CellRunner.readResult(CellRunner.cellDir(runDir, plan.cell(index)));
    }

    @Test
    void eachCellWithoutAResultIsRecordedAsItsLogSaysItEnded() throws Exception {
        CellResult own = CellOutcomes.of("r", plan.cell(0), CellStatus.OK, "", null, Provenance.probe(null), null,
                null, null);
        CellRunner.writeResult(CellRunner.cellDir(runDir, plan.cell(0)), own);
        log(SlurmLogs.cell(runDir, 1), SlurmScripts.START_MARK + " cell 1: job 5 on n1 at t",
                "[2/6] listops ok s0 step 3/4",
                "slurmstepd: error: *** JOB 5 ON n1 CANCELLED AT 2026-01-01T00:10:00 DUE TO TIME LIMIT ***");
        log(SlurmLogs.cell(runDir, 2), SlurmScripts.START_MARK + " cell 2: job 6 on n1 at t",
                "slurmstepd: error: Detected 1 oom_kill event in StepId=6.batch. Some of the step tasks have been "
                        + "OOM Killed.", SlurmScripts.EXIT_MARK + "137");
        log(SlurmLogs.preparation(runDir, plan.cell(3)), SlurmScripts.START_MARK + " data preparation for cell 3",
                "fmmbench train failed: java.io.UncheckedIOException: cannot generate /x/text", "\tat a.B(B.java:49)",
                "\t... 17 more", SlurmScripts.EXIT_MARK + "1");
        log(SlurmLogs.cell(runDir, 4), SlurmScripts.START_MARK + " cell 4: job 8 on n1 at t",
                "Exception in thread \"main\" java.lang.IllegalStateException: broken install",
                SlurmScripts.EXIT_MARK + "1");

        assertEquals(5, UnfinishedCells.record(plan, runDir));

        assertEquals(own, result(0), "a cell's own result is left alone");
        assertEquals(CellStatus.TIMEOUT, result(1).status());
        assertTrue(result(1).statusDetail().startsWith("no result after 1m (Slurm's time limit); stopped; log "),
                result(1).statusDetail());
        assertEquals(CellStatus.OOM, result(2).status());
        assertTrue(result(2).statusDetail().contains("oom_kill event"), result(2).statusDetail());
        assertEquals(CellStatus.FAILED, result(3).status());
        assertTrue(result(3).statusDetail().startsWith("not run: preparing its data failed (exit code 1: fmmbench "
                + "train failed: java.io.UncheckedIOException: cannot generate /x/text); log "), result(3).statusDetail());
        assertEquals(CellStatus.FAILED, result(4).status());
        assertTrue(result(4).statusDetail().startsWith("exit code 1: Exception in thread \"main\" "
                + "java.lang.IllegalStateException: broken install"), result(4).statusDetail());
        assertEquals(CellStatus.FAILED, result(5).status());
        assertTrue(result(5).statusDetail().startsWith("not run: its array task never started"),
                result(5).statusDetail());
        assertEquals(plan.cell(5).configHash(), result(5).config().configHash());
    }

    @Test
    void onlyTheLastAttemptOfARequeuedCellCounts() throws Exception {
        log(SlurmLogs.cell(runDir, 1), SlurmScripts.START_MARK + " cell 1: job 5 on n1 at t",
                "slurmstepd: error: *** JOB 5 ON n1 CANCELLED AT 2026-01-01T00:10:00 DUE TO TIME LIMIT ***",
                SlurmScripts.START_MARK + " cell 1: job 5 on n2 at t", "killed by someone");
        CellResult ended = UnfinishedCells.ended(plan, runDir, plan.cell(1));
        assertEquals(CellStatus.FAILED, ended.status());
        assertTrue(ended.statusDetail().startsWith("killed before it ended: killed by someone"),
                ended.statusDetail());
    }
}
