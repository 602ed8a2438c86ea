package org.fmmbench.harness.results;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Whether a test accuracy is no better than always answering the majority class: it does not exceed the upper end
 * of the central 95% interval of Binomial(n, majority rate) / n, n being the number of test examples. Accuracies
 * below that interval count too: a model that does worse than the majority class has not learnt the task either.
 */
public final class ChanceLevel {
    /** The flag of such a cell in the {@code flags} column of {@code results.csv}. */
    public static final String FLAG = "chance-level";

    private ChanceLevel() {
    }

    /** The upper end of the 95% interval of the accuracy of a majority-class guesser on {@code n} examples. */
    public static double upperBound(double majorityRate, int n) {
        if (majorityRate >= 1) {
            return 1;
        }
        return new BinomialDistribution(null, n, majorityRate).inverseCumulativeProbability(0.975) / (double) n;
    }

    /** Whether {@code accuracy} on {@code n} test examples is at chance level; false when something is unknown. */
    public static boolean at(Double accuracy, Double majorityRate, Integer n) {
        if (accuracy == null || majorityRate == null || n == null || n < 1 || accuracy.isNaN()) {
            return false;
        }
        return accuracy <= upperBound(majorityRate, n);
    }
}
