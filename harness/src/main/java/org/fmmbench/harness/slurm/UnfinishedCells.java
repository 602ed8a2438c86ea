package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;
import org.fmmbench.harness.run.CellOutcomes;
import org.fmmbench.harness.run.CellRunner;
import org.fmmbench.harness.run.ChildOutcome;
import org.fmmbench.harness.run.PlannedCell;
import org.fmmbench.harness.results.Provenance;
import org.fmmbench.harness.run.RunPlan;

/**
 * Gives every cell that ended without a result of its own (killed at its time limit, out of memory, never started)
 * a {@code result.json} saying how it ended, read from its job's log, so that results.csv records it instead of
 * dropping it. Only for runs whose cells have all ended: a cell still running has no result yet either.
 */
public final class UnfinishedCells {
    private UnfinishedCells() {
    }

    /** Writes the result of every cell of the plan that has none; returns how many it wrote. */
    public static int record(RunPlan plan, Path runDir) throws IOException {
        int written = 0;
        for (PlannedCell cell : plan.cells()) {
            Path dir = CellRunner.cellDir(runDir, cell);
            CellResult own = CellRunner.readResult(dir);
            if (own != null && own.config().configHash().equals(cell.configHash())) {
                continue;
            }
            CellResult ended = ended(plan, runDir, cell);
            CellRunner.writeResult(dir, ended);
            written++;
        }
        return written;
    }

    static CellResult ended(RunPlan plan, Path runDir, PlannedCell cell) throws IOException {
        Path log = SlurmLogs.cell(runDir, cell.index());
        List<String> attempt = SlurmLogs.lastAttempt(log);
        CellStatus status;
        String detail;
        if (attempt != null) {
            Integer exit = SlurmLogs.exitCode(attempt);
            ChildOutcome outcome = new ChildOutcome(exit == null ? -1 : exit, timeLimitHit(attempt), attempt, null, 0);
            status = outcome.status();
            detail = outcome.detail(plan.cellTimeout() + " (Slurm's time limit)");
            if (exit == null && status == CellStatus.FAILED) {
                detail = "killed before it ended: " + lastLine(attempt);
            }
            detail += "; log " + log;
        } else {
            status = CellStatus.FAILED;
            detail = notStarted(runDir, cell);
        }
        return CellOutcomes.of(plan.runId(), cell, status, detail, null, Provenance.probe(null), null, null, null);
    }

    private static String notStarted(Path runDir, PlannedCell cell) throws IOException {
        Path prepLog = SlurmLogs.preparation(runDir, cell);
        List<String> prep = SlurmLogs.lastAttempt(prepLog);
        Integer prepExit = prep == null ? null : SlurmLogs.exitCode(prep);
        if (prep != null && !Integer.valueOf(0).equals(prepExit)) {
            String why = prepExit == null ? "killed before it ended: " + lastLine(prep)
                    : new ChildOutcome(prepExit, false, prep, null, 0).detail("");
            return "not run: preparing its data failed (" + why + "); log " + prepLog;
        }
        return "not run: its array task never started (cancelled, or a dependency failed); see "
                + SlurmLogs.dir(runDir).resolve(SlurmSubmitter.JOBS_LOG);
    }

    /** slurmstepd writes {@code *** JOB n ON node CANCELLED AT time DUE TO TIME LIMIT ***} into the job's log. */
    private static boolean timeLimitHit(List<String> attempt) {
        return attempt.stream().anyMatch(l -> l.contains("DUE TO TIME LIMIT"));
    }

    private static String lastLine(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(SlurmScripts.EXIT_MARK))
                .reduce((a, b) -> b).orElse("no output");
    }
}
