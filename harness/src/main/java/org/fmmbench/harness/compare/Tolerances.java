package org.fmmbench.harness.compare;

/**
 * How far a candidate may drift from its baseline before {@code compare} calls it a regression.
 *
 * <p>The defaults are set from five repeated smoke reproductions on the development machine (README "Tolerances"):
 * accuracies and perplexities were identical in every run, normalised CPU step times stayed within x0.57-x2.00
 * (the largest on the tiny LM cells, 20-40 ms steps) and peak memory within x0.88-x1.08. Accuracy allows two of the 32 smoke test examples to flip (a CPU of another
 * model may round differently); time and memory leave 25 % above the largest ratio seen. The quick scaling run is
 * noisier (tiny N) and gets wider tolerances in {@code .ci/run}.
 *
 * <p>Peak memory also has an absolute floor: a rise smaller than {@code memoryFloorMib} is never a regression,
 * whatever the ratio. The peak resident set moves in steps of allocator arenas and 2 MiB huge pages, so cells of a
 * few MiB (quick scaling at N = 512) doubled between identical runs here; a ratio of such numbers is noise. Three
 * quiet quick-scaling runs differed by -6.3..+8.2 MiB per cell, so the floor is 10 MiB: above that noise, below
 * the 13-32 MiB an fmm cell of quick scaling adds when its memory doubles. With baseline repeats the floor is the
 * narrowest a bootstrap interval of memory may be.
 *
 * @param accuracyPoints largest allowed drop of test accuracy, in percentage points
 * @param perplexity largest allowed rise of test perplexity, absolute
 * @param timeRatio largest allowed step-time ratio candidate / baseline (normalised unless raw)
 * @param memoryRatio largest allowed peak-memory ratio candidate / baseline (normalised unless raw)
 * @param memoryFloorMib smallest rise of peak memory, candidate minus baseline in MiB, that can be a regression
 * @param pooledTimeRatio largest allowed step-time ratio of a row pooled over its cells (geometric mean, calibrated):
 *        two fresh-clone CI runs read every smoke pool within x0.85-x1.23 of the reference, and a uniform or
 *        softmax-only 2x slow-down must fail
 */
public record Tolerances(double accuracyPoints, double perplexity, double timeRatio, double memoryRatio,
        double memoryFloorMib, double pooledTimeRatio) {
    public static final String DEFAULT_ACCURACY_POINTS = "7.0";
    public static final String DEFAULT_PERPLEXITY = "0.5";
    public static final String DEFAULT_TIME_RATIO = "2.5";
    public static final String DEFAULT_MEMORY_RATIO = "1.25";
    public static final String DEFAULT_MEMORY_FLOOR_MIB = "10";
    public static final String DEFAULT_POOLED_TIME_RATIO = "1.5";

    public static final Tolerances DEFAULTS = new Tolerances(Double.parseDouble(DEFAULT_ACCURACY_POINTS),
            Double.parseDouble(DEFAULT_PERPLEXITY), Double.parseDouble(DEFAULT_TIME_RATIO),
            Double.parseDouble(DEFAULT_MEMORY_RATIO), Double.parseDouble(DEFAULT_MEMORY_FLOOR_MIB),
            Double.parseDouble(DEFAULT_POOLED_TIME_RATIO));

    public Tolerances {
        if (!(accuracyPoints >= 0) || !(perplexity >= 0)) {
            throw new IllegalArgumentException("--acc-tolerance and --ppl-tolerance must be >= 0, got "
                    + accuracyPoints + " and " + perplexity + ".");
        }
        if (!(timeRatio >= 1) || !(memoryRatio >= 1) || !(pooledTimeRatio >= 1)) {
            throw new IllegalArgumentException("--time-tolerance, --memory-tolerance and --pooled-time-tolerance are "
                    + "ratios and must be >= 1 (1.5 = 50% slower allowed), got " + timeRatio + ", " + memoryRatio
                    + " and " + pooledTimeRatio + ".");
        }
        if (!(memoryFloorMib >= 0)) {
            throw new IllegalArgumentException("--memory-floor is in MiB and must be >= 0, got " + memoryFloorMib
                    + ".");
        }
    }
}
