package org.fmmbench.harness.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pathology flags of a cell's training, from its per-step measurements after warm-up: the median of the last
 * quarter of the steps against that of the first quarter.
 *
 * <ul>
 *   <li>{@value #STEP_TIME_DRIFT}: CPU time per step rose by more than {@value #STEP_TIME_RATIO}x (e.g. a graph
 *   or cache growing with the step count); identical smoke runs here stayed within 1.6x across runs, and within
 *   one run the quarters are closer still.</li>
 *   <li>{@value #RSS_DRIFT}: the resident set rose by more than {@value #RSS_FRACTION} of its early size and more
 *   than {@value #RSS_MIB} MiB (a leak of tensors or native memory per step); the peak resident set of identical
 *   runs varied by about 8 MiB.</li>
 * </ul>
 */
public final class DriftFlags {
    public static final String STEP_TIME_DRIFT = "step-time-drift";
    public static final String RSS_DRIFT = "rss-drift";
    static final double STEP_TIME_RATIO = 1.5;
    static final double RSS_FRACTION = 0.2;
    static final double RSS_MIB = 64;
    /** Fewer measured steps than this give quarters of one or two steps: no flag. */
    static final int MIN_STEPS = 8;

    private DriftFlags() {
    }

    /**
     * @param stepCpuNanos CPU time of each measured step
     * @param rssKib resident set after each measured step, -1 where unknown
     */
    static List<String> of(long[] stepCpuNanos, long[] rssKib) {
        List<String> flags = new ArrayList<>();
        if (stepCpuNanos.length < MIN_STEPS) {
            return flags;
        }
        double early = quarterMedian(stepCpuNanos, false);
        double late = quarterMedian(stepCpuNanos, true);
        if (early > 0 && late > STEP_TIME_RATIO * early) {
            flags.add(STEP_TIME_DRIFT);
        }
        if (Arrays.stream(rssKib).allMatch(v -> v > 0)) {
            double earlyRss = quarterMedian(rssKib, false);
            double lateRss = quarterMedian(rssKib, true);
            if (lateRss - earlyRss > RSS_FRACTION * earlyRss && lateRss - earlyRss > RSS_MIB * 1024) {
                flags.add(RSS_DRIFT);
            }
        }
        return flags;
    }

    private static double quarterMedian(long[] values, boolean last) {
        int quarter = Math.max(2, values.length / 4);
        long[] part = last ? Arrays.copyOfRange(values, values.length - quarter, values.length)
                : Arrays.copyOfRange(values, 0, quarter);
        Arrays.sort(part);
        return part.length % 2 == 1 ? part[part.length / 2] : (part[part.length / 2 - 1] + part[part.length / 2]) / 2.0;
    }
}
