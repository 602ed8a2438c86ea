package org.fmmbench.harness.train;

import java.util.Arrays;
import java.util.List;
import org.fmmbench.harness.results.CpuClock;
import org.fmmbench.harness.results.MemoryProbe;

/**
 * Wall-clock and CPU time of every optimiser step; statistics leave out the first steps, which pay for lazy
 * initialisation and allocator warm-up. CPU time is what a step costs even when other processes share the cores
 * (wall-clock then includes waiting), so it is the steadier number for comparing runs on a busy machine. It is read
 * on the engine's {@link CpuClock}: the training thread's own (ns) with one intra-op thread, else the process's.
 */
final class StepTimes {
    /** Steps left out of the statistics: {@code min(WARMUP, steps / 2)}. */
    static final int WARMUP = 5;

    private final long[] nanos;
    private final long[] cpuNanos;
    /** Resident set after each step, KiB; -1 where unknown. */
    private final long[] rssKib;
    private final CpuClock clock;
    private int count;

    /** The clocks at the start of a step. */
    record Start(long wallNanos, long cpuNanos) {
    }

    /** Times on the clock of the loaded engine's intra-op thread count. */
    StepTimes(int steps) {
        this(steps, CpuClock.ofEngine());
    }

    StepTimes(int steps, CpuClock clock) {
        this.clock = clock;
        nanos = new long[steps];
        cpuNanos = new long[steps];
        rssKib = new long[steps];
    }

    /** The clocks now, on the thread that will run the step and {@link #stop} it. */
    Start start() {
        return new Start(System.nanoTime(), clock.nanos());
    }

    /** Records the step begun at {@code start}, ending now. */
    void stop(Start start) {
        long cpu = clock.nanos();
        long wall = System.nanoTime() - start.wallNanos();
        add(wall, cpu - start.cpuNanos(), MemoryProbe.currentKib());
    }

    void add(long wallNanos, long stepCpuNanos) {
        add(wallNanos, stepCpuNanos, -1);
    }

    void add(long wallNanos, long stepCpuNanos, long residentKib) {
        nanos[count] = wallNanos;
        rssKib[count] = residentKib;
        cpuNanos[count++] = stepCpuNanos;
    }

    /** Pathologies of the measured steps ({@link DriftFlags}), e.g. {@code rss-drift}; empty when none. */
    List<String> flags() {
        int skip = Math.min(WARMUP, count / 2);
        return DriftFlags.of(Arrays.copyOfRange(cpuNanos, skip, count), Arrays.copyOfRange(rssKib, skip, count));
    }

    /** The wall-clock nanoseconds of the steps recorded so far, for a checkpoint. */
    long[] wallNanos() {
        return Arrays.copyOf(nanos, count);
    }

    /** The CPU nanoseconds of the steps recorded so far, for a checkpoint. */
    long[] cpuNanos() {
        return Arrays.copyOf(cpuNanos, count);
    }

    /** Puts back the steps a checkpoint recorded. */
    void restore(long[] wall, long[] cpu) {
        for (int i = 0; i < wall.length; i++) {
            add(wall[i], cpu[i]);
        }
    }

    double medianMs() {
        return percentileMs(0.5);
    }

    /**
     * Median CPU time per step: of the training thread with one intra-op thread (the whole engine work, not the JVM's
     * JIT and GC threads), else of the process (all threads of the JVM: intra-op threads, and JIT and GC).
     */
    double medianCpuMs() {
        return percentileMs(cpuNanos, 0.5);
    }

    double p90Ms() {
        return percentileMs(0.9);
    }

    /** Linear interpolation between closest ranks, as numpy's default percentile. */
    double percentileMs(double q) {
        return percentileMs(nanos, q);
    }

    private double percentileMs(long[] values, double q) {
        int skip = Math.min(WARMUP, count / 2);
        if (count - skip == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOfRange(values, skip, count);
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        double value = sorted[low] + (position - low) * (sorted[high] - sorted[low]);
        return value / 1e6;
    }
}
