package org.fmmbench.harness.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pathology flags of a cell's training, from its per-step measurements after warm-up.
 *
 * <ul>
 *   <li>{@value #STEP_TIME_DRIFT}: the median CPU time per step of the last quarter of the steps is more than
 *   {@value #STEP_TIME_RATIO}x the first quarter's (e.g. a graph or cache growing with the step count); identical
 *   smoke runs here stayed within 1.6x across runs, and within one run the quarters are closer still.</li>
 *   <li>{@value #RSS_DRIFT}: the resident set still rises in the second half of training: the median of the last
 *   quarter is more than {@value #RSS_FRACTION} and {@value #RSS_MIB} MiB above the third quarter's (a leak of
 *   tensors or native memory per step). The first quarter is left out because the resident set grows there without
 *   any leak, while the allocators, the Java heap and the evaluation buffers reach their working size: 14 LM cells
 *   sampled every 20 s grew by 310-540 MiB from their first step to their third quarter, and by 5-110 MiB from there
 *   to the last (docs/measurements/rss-growth). The peak resident set of identical runs varied by about 8 MiB.</li>
 * </ul>
 */
public final class DriftFlags {
    public static final String STEP_TIME_DRIFT = "step-time-drift";
    public static final String RSS_DRIFT = "rss-drift";
    static final double STEP_TIME_RATIO = 1.5;
    static final double RSS_FRACTION = 0.05;
    static final double RSS_MIB = 32;
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
        int n = stepCpuNanos.length;
        double early = median(stepCpuNanos, 0, n / 4);
        double late = median(stepCpuNanos, n - n / 4, n);
        if (early > 0 && late > STEP_TIME_RATIO * early) {
            flags.add(STEP_TIME_DRIFT);
        }
        // A resumed cell does not know the resident set of the steps its checkpoint restored.
        long[] secondHalf = Arrays.copyOfRange(rssKib, n / 2, n);
        if (Arrays.stream(secondHalf).allMatch(v -> v > 0)) {
            double third = median(rssKib, n / 2, n - n / 4);
            double last = median(rssKib, n - n / 4, n);
            if (last - third > RSS_FRACTION * third && last - third > RSS_MIB * 1024) {
                flags.add(RSS_DRIFT);
            }
        }
        return flags;
    }

    /** The median of {@code values[from, to)}. */
    private static double median(long[] values, int from, int to) {
        long[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        int m = part.length / 2;
        return part.length % 2 == 1 ? part[m] : (part[m - 1] + part[m]) / 2.0;
    }
}
