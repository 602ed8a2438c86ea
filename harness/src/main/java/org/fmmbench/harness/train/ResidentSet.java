package org.fmmbench.harness.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The current resident set of this process (VmRSS of {@code /proc/self/status}), sampled after every step. */
final class ResidentSet {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentSet() {
    }

    /** KiB, or -1 where the kernel does not report it (not Linux). */
    static long currentKib() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no procfs: the flag that needs it is not raised
        }
        return -1;
    }
}
