package org.fmmbench.harness.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of a change in log space: baseline repeats {@code x}, candidate repeats {@code y}, the
 * statistic mean(y) - mean(x). With fewer than three candidate repeats (CI's single run) the candidate's own
 * noise is not observable, so each bootstrap candidate is its mean plus one residual of the baseline (inflated by
 * sqrt(n / (n - 1)), the usual correction of residuals for the fitted mean): the interval is then a prediction
 * interval for a single new run. The seed is fixed so the same inputs always give the same verdict.
 */
final class Bootstrap {
    static final int MIN_REPEATS = 3;
    private static final int RESAMPLES = 4000;
    private static final long SEED = 20211206L;

    private Bootstrap() {
    }

    /** {lower, upper} of the central {@code level} interval of mean(y) - mean(x). */
    static double[] interval(double[] x, double[] y, double level) {
        if (x.length < MIN_REPEATS || y.length == 0) {
            throw new IllegalArgumentException("bootstrap needs >= " + MIN_REPEATS + " baseline repeats");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double meanX = mean(x);
        double meanY = mean(y);
        double inflate = Math.sqrt(x.length / (x.length - 1.0));
        double[] d = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double xs = resampledMean(x, random);
            double ys = y.length >= MIN_REPEATS ? resampledMean(y, random)
                    : meanY + inflate * (x[random.nextInt(x.length)] - meanX);
            d[b] = ys - xs;
        }
        Arrays.sort(d);
        double tail = (1 - level) / 2;
        return new double[] {d[(int) Math.floor(tail * (RESAMPLES - 1))],
                d[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]};
    }

    static double mean(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s / v.length;
    }

    private static double resampledMean(double[] v, SplittableRandom random) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[random.nextInt(v.length)];
        }
        return s / v.length;
    }
}
