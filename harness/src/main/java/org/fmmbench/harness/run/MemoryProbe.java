package org.fmmbench.harness.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident set of a process from {@code /proc/<pid>/status} (VmHWM): what the kernel charged the
 * process at its worst, JVM heap and native (libtorch) memory together. Linux only; elsewhere {@code null}.
 */
public final class MemoryProbe {
    /** How {@code peak_rss_mib} is measured, as recorded in each results row. */
    public static final String MEASURE = "vmhwm";
    private MemoryProbe() {
    }

    /** Peak RSS of this process in MiB, or {@code null}. */
    public static Double selfPeakMib() {
        return peakMib(Path.of("/proc/self/status"));
    }

    /** Peak RSS of another (running) process in MiB, or {@code null} once it has exited. */
    public static Double peakMib(long pid) {
        return peakMib(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static Double peakMib(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or no procfs
        }
        return null;
    }
}
