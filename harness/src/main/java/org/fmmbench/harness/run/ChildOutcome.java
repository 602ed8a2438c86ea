package org.fmmbench.harness.run;

import java.util.List;
import org.fmmbench.harness.results.CellStatus;

/**
 * How a cell's child JVM ended, as seen from the parent, and the status it means when the child wrote no
 * result of its own. Out of memory is decided by the exit status alone: the child's own code for an
 * {@link OutOfMemoryError} or an engine allocation failure ({@link #EXIT_OUT_OF_MEMORY}), or SIGKILL, which on
 * Linux is the kernel's out-of-memory killer unless the parent stopped it. What the child printed is shown, never
 * parsed for a verdict: a data loader's log line or a warning mentioning memory must not make a failure an OOM.
 *
 * @param exitCode the process exit code (128 + n when killed by signal n)
 * @param timedOut the parent stopped it because the cell timeout expired
 * @param stderrTail the last lines of its stderr
 * @param peakRssMib the largest VmHWM the parent saw while it ran, or {@code null}
 */
public record ChildOutcome(int exitCode, boolean timedOut, List<String> stderrTail, Double peakRssMib,
        double wallSeconds) {
    /** Exit status of a {@code train} child whose cell ran out of memory (JVM heap or engine allocation). */
    public static final int EXIT_OUT_OF_MEMORY = 4;
    private static final int SIGKILL_EXIT = 128 + 9;

    public CellStatus status() {
        if (timedOut) {
            return CellStatus.TIMEOUT;
        }
        if (exitCode == SIGKILL_EXIT || exitCode == EXIT_OUT_OF_MEMORY) {
            return CellStatus.OOM;
        }
        return CellStatus.FAILED;
    }

    public String detail(String timeoutText) {
        return switch (status()) {
            case TIMEOUT -> "no result after " + timeoutText + "; stopped";
            case OOM -> exitCode == SIGKILL_EXIT
                    ? "killed by signal 9 (SIGKILL, usually the kernel's or Slurm's out-of-memory killer)"
                            + memoryLine().map(l -> ": " + l).orElse("")
                    : "out of memory (exit code " + EXIT_OUT_OF_MEMORY + ")" + firstError().map(e -> ": " + e)
                            .orElse("");
            default -> "exit code " + exitCode + firstError().map(e -> ": " + e).orElse(" with no error message");
        };
    }

    /** A line about memory to show beside a SIGKILL (e.g. Slurm's oom_kill report); shown, never a verdict. */
    private java.util.Optional<String> memoryLine() {
        return stderrTail.stream().map(String::strip)
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).matches(".*(oom|memory).*")).findFirst();
    }

    /** The first stderr line that names an exception or error, else the last non-blank line. */
    private java.util.Optional<String> firstError() {
        return stderrTail.stream().filter(l -> l.matches(".*(Exception|Error)\\b.*") && !l.strip().startsWith("at "))
                .findFirst()
                .or(() -> stderrTail.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b))
                .map(String::strip);
    }
}
