package org.fmmbench.harness.compare;

/**
 * How far a candidate may drift from its baseline before {@code compare} calls it a regression.
 *
 * <p>The defaults are placeholders until the run-to-run spread of the CI runs has been measured; they live
 * here and nowhere else, and the command's options default to them.
 *
 * @param accuracyPoints largest allowed drop of test accuracy, in percentage points
 * @param perplexity largest allowed rise of test perplexity, absolute
 * @param timeRatio largest allowed step-time ratio candidate / baseline (normalised unless raw)
 * @param memoryRatio largest allowed peak-memory ratio candidate / baseline (normalised unless raw)
 */
public record Tolerances(double accuracyPoints, double perplexity, double timeRatio, double memoryRatio) {
    public static final String DEFAULT_ACCURACY_POINTS = "2.0";
    public static final String DEFAULT_PERPLEXITY = "2.0";
    public static final String DEFAULT_TIME_RATIO = "1.5";
    public static final String DEFAULT_MEMORY_RATIO = "1.25";

    public static final Tolerances DEFAULTS = new Tolerances(Double.parseDouble(DEFAULT_ACCURACY_POINTS),
            Double.parseDouble(DEFAULT_PERPLEXITY), Double.parseDouble(DEFAULT_TIME_RATIO),
            Double.parseDouble(DEFAULT_MEMORY_RATIO));

    public Tolerances {
        if (!(accuracyPoints >= 0) || !(perplexity >= 0)) {
            throw new IllegalArgumentException("--acc-tolerance and --ppl-tolerance must be >= 0, got "
                    + accuracyPoints + " and " + perplexity + ".");
        }
        if (!(timeRatio >= 1) || !(memoryRatio >= 1)) {
            throw new IllegalArgumentException("--time-tolerance and --memory-tolerance are ratios and must be >= 1 "
                    + "(1.5 = 50% slower allowed), got " + timeRatio + " and " + memoryRatio + ".");
        }
    }
}
