package org.fmmbench.harness.run;

import java.util.List;
import java.util.Locale;
import org.fmmbench.harness.results.CellStatus;

/**
 * How a cell's child JVM ended, as seen from the parent, and the status it means when the child wrote no
 * result of its own.
 *
 * @param exitCode the process exit code (128 + n when killed by signal n)
 * @param timedOut the parent stopped it because the cell timeout expired
 * @param stderrTail the last lines of its stderr
 * @param peakRssMib the largest VmHWM the parent saw while it ran, or {@code null}
 */
public record ChildOutcome(int exitCode, boolean timedOut, List<String> stderrTail, Double peakRssMib,
        double wallSeconds) {
    private static final int SIGKILL_EXIT = 128 + 9;

    /** Java's, libtorch's and glibc's words for it, and Slurm's when a job's memory limit killed a process. */
    static boolean looksLikeOutOfMemory(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("outofmemoryerror") || t.contains("bad_alloc") || t.contains("cannot allocate memory")
                || t.contains("can't allocate memory") || t.contains("out of memory") || t.contains("oom_kill")
                || t.contains("oom-kill");
    }

    public CellStatus status() {
        if (timedOut) {
            return CellStatus.TIMEOUT;
        }
        if (exitCode == SIGKILL_EXIT || stderrTail.stream().anyMatch(ChildOutcome::looksLikeOutOfMemory)) {
            return CellStatus.OOM;
        }
        return CellStatus.FAILED;
    }

    public String detail(String timeoutText) {
        return switch (status()) {
            case TIMEOUT -> "no result after " + timeoutText + "; stopped";
            case OOM -> stderrTail.stream().filter(ChildOutcome::looksLikeOutOfMemory).findFirst()
                    .map(String::strip)
                    .orElse("killed by signal 9 (SIGKILL, usually the kernel's out-of-memory killer)");
            default -> "exit code " + exitCode + firstError().map(e -> ": " + e).orElse(" with no error message");
        };
    }

    /** The first stderr line that names an exception or error, else the last non-blank line. */
    private java.util.Optional<String> firstError() {
        return stderrTail.stream().filter(l -> l.matches(".*(Exception|Error)\\b.*") && !l.strip().startsWith("at "))
                .findFirst()
                .or(() -> stderrTail.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b))
                .map(String::strip);
    }
}
