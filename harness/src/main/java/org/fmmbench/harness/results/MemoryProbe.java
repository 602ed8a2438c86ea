package org.fmmbench.harness.results;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of a process as Linux reports it in {@code /proc/<pid>/status}: the peak (VmHWM, what the
 * kernel charged the process at its worst, JVM heap and native libtorch memory together) and the current resident
 * set (VmRSS), in KiB, a reset of the peak, and the machine's total and available memory ({@code /proc/meminfo}). The one memory reader of the harness: results' {@code peak_rss_mib},
 * the per-step drift flags, the JMH memory profiler and {@code doctor} all read through it. Linux only: elsewhere the readers say
 * "unknown" ({@code null}, -1), and the profiler, which cannot measure without it, fails naming why.
 */
public final class MemoryProbe {
    /** How {@code peak_rss_mib} is measured, as recorded in each results row. */
    public static final String MEASURE = "vmhwm";
    private static final Path SELF = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MemoryProbe() {
    }

    /** Peak RSS of this process in MiB, or {@code null}. */
    public static Double selfPeakMib() {
        return mib(peakKib());
    }

    /** Peak RSS of another (running) process in MiB, or {@code null} once it has exited. */
    public static Double peakMib(long pid) {
        return mib(peakKib(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** This process's resident set in KiB, or -1 where the kernel does not report it. */
    public static long currentKib() {
        return kib(SELF, "VmRSS:");
    }

    /** This process's peak resident set in KiB, or -1 where the kernel does not report it. */
    public static long peakKib() {
        return peakKib(SELF);
    }

    /** The one reader of the peak: VmHWM of a {@code /proc/<pid>/status} file, in KiB, or -1. */
    private static long peakKib(Path status) {
        return kib(status, "VmHWM:");
    }

    /** The machine's memory in KiB, or -1 where the kernel does not report it. */
    public static long machineTotalKib() {
        return kib(MEMINFO, "MemTotal:");
    }

    /** The machine's memory available to new processes in KiB, or -1 where the kernel does not report it. */
    public static long machineAvailableKib() {
        return kib(MEMINFO, "MemAvailable:");
    }

    /**
     * Sets this process's peak to its current resident set ("5" = reset peak RSS, Linux 4.0+).
     *
     * @throws IllegalStateException naming what is missing when the kernel does not allow it
     */
    public static void resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("Cannot reset the peak resident set through " + CLEAR_REFS
                    + " (" + e.getMessage() + "): peak memory needs Linux 4.0 or newer and write access to it.", e);
        }
    }

    /**
     * Hands memory that glibc keeps after {@code free} back to the kernel ({@code malloc_trim(0)}). Without it,
     * freed tensors of the previous iteration stay resident, are counted in the baseline and are reused
     * without raising the high-water mark, hiding most of an iteration's allocations.
     */
    public static void releaseFreedHeap() {
        Function trim;
        try {
            trim = NativeLibrary.getInstance("c").getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError e) {
            return; // not glibc: nothing is retained in a way we can release, the measurement stays valid
        }
        trim.invokeInt(new Object[] {0});
    }

    private static Double mib(long kib) {
        return kib < 0 ? null : kib / 1024.0;
    }

    private static long kib(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or no procfs
        }
        return -1;
    }
}
