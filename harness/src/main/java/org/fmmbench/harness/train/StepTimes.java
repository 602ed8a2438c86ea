package org.fmmbench.harness.train;

import java.util.Arrays;

/**
 * Wall-clock of every optimiser step; statistics leave out the first steps, which pay for lazy initialisation
 * and allocator warm-up.
 */
final class StepTimes {
    /** Steps left out of the statistics: {@code min(WARMUP, steps / 2)}. */
    static final int WARMUP = 5;

    private final long[] nanos;
    private int count;

    StepTimes(int steps) {
        nanos = new long[steps];
    }

    void add(long stepNanos) {
        nanos[count++] = stepNanos;
    }

    double medianMs() {
        return percentileMs(0.5);
    }

    double p90Ms() {
        return percentileMs(0.9);
    }

    /** Linear interpolation between closest ranks, as numpy's default percentile. */
    double percentileMs(double q) {
        int skip = Math.min(WARMUP, count / 2);
        if (count - skip == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOfRange(nanos, skip, count);
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        double value = sorted[low] + (position - low) * (sorted[high] - sorted[low]);
        return value / 1e6;
    }
}
