package org.fmmbench.harness.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A difference between two rows (or a row's value) with its 95% interval.
 *
 * @param mean the difference (mean over seeds when there are several)
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 * @param basis how the interval was obtained, for the report
 */
public record SeedInterval(double mean, double low, double high, String basis) {
    /** z of a two-sided 95% normal interval. */
    static final double Z95 = 1.959963984540054;

    /** The t-interval of the mean of per-seed values (at least two), e.g. paired differences or accuracies. */
    public static SeedInterval overSeeds(double[] differences) {
        int n = differences.length;
        double mean = 0;
        for (double d : differences) {
            mean += d / n;
        }
        double ss = 0;
        for (double d : differences) {
            ss += (d - mean) * (d - mean);
        }
        double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975)
                * Math.sqrt(ss / (n - 1) / n);
        return new SeedInterval(mean, mean - halfWidth, mean + halfWidth, "t-interval over " + n + " seeds");
    }

    /** A normal interval around one difference with a known standard error (test-set sampling error). */
    static SeedInterval normal(double difference, double standardError, String basis) {
        return new SeedInterval(difference, difference - Z95 * standardError, difference + Z95 * standardError, basis);
    }

    /** Binomial variance of an accuracy measured on {@code n} examples. */
    static double binomialVariance(double accuracy, int n) {
        return accuracy * (1 - accuracy) / n;
    }

    boolean above(double value) {
        return low > value;
    }

    boolean below(double value) {
        return high < value;
    }
}
