package org.fmmbench.harness.bench;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: current (VmRSS) and
 * high-water mark (VmHWM), in KiB, with a reset of the high-water mark.
 */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ResidentMemory() {
    }

    static long currentKib() {
        return field("VmRSS:");
    }

    static long peakKib() {
        return field("VmHWM:");
    }

    /** Sets the high-water mark to the current resident set ("5" = reset peak RSS, Linux 4.0+). */
    static void resetPeak() {
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
    static void releaseFreedHeap() {
        Function trim;
        try {
            trim = NativeLibrary.getInstance("c").getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError e) {
            return; // not glibc: nothing is retained in a way we can release, the measurement stays valid
        }
        trim.invokeInt(new Object[] {0});
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STATUS + ": peak memory needs Linux /proc.", e);
        }
        throw new IllegalStateException(STATUS + " has no " + name + " line: peak memory needs Linux /proc.");
    }
}
