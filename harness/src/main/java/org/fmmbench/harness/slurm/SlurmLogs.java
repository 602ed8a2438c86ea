package org.fmmbench.harness.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmmbench.harness.run.PlannedCell;

/**
 * Where the jobs of a run write their logs ({@code <run>/slurm/logs/}) and what an attempt in one says. Logs are
 * opened in append mode, so a requeued or resubmitted job adds an attempt to its log; only the last one counts.
 */
final class SlurmLogs {
    static final String DIR = "slurm";

    private SlurmLogs() {
    }

    static Path dir(Path runDir) {
        return runDir.resolve(DIR);
    }

    static Path logs(Path runDir) {
        return dir(runDir).resolve("logs");
    }

    /** The log of the array task that runs the cell: Slurm's {@code %a} is the cell's plan index. */
    static Path cell(Path runDir, int index) {
        return logs(runDir).resolve("cell-" + index + ".out");
    }

    static Path cellPattern(Path runDir) {
        return logs(runDir).resolve("cell-%a.out");
    }

    static Path preparation(Path runDir, PlannedCell cell) {
        return logs(runDir).resolve("prepare-" + cell.config().task() + "-s" + cell.config().seed() + ".out");
    }

    static Path report(Path runDir) {
        return logs(runDir).resolve("report.out");
    }

    /** The lines of the last attempt in a log, or {@code null} when there is no log. */
    static List<String> lastAttempt(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(SlurmScripts.START_MARK)) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }

    /** The exit code an attempt printed last, or {@code null} if it was killed before it could print one. */
    static Integer exitCode(List<String> attempt) {
        for (int i = attempt.size() - 1; i >= 0; i--) {
            String line = attempt.get(i);
            if (line.startsWith(SlurmScripts.EXIT_MARK)) {
                return Integer.valueOf(line.substring(SlurmScripts.EXIT_MARK.length()).trim());
            }
        }
        return null;
    }
}
