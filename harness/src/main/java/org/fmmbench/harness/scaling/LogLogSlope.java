package org.fmmbench.harness.scaling;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Least-squares slope of log(value) against log(N): the exponent p in value ~ N^p (1 = linear, 2 = quadratic).
 * Points with a non-positive or missing value are left out, since a logarithm needs a positive number.
 *
 * @param slope the exponent, NaN with fewer than two usable points
 * @param from smallest N used
 * @param to largest N used
 * @param points number of points used
 */
public record LogLogSlope(double slope, int from, int to, int points) {

    /** Fit over the usable points with {@code from <= N <= to}. */
    public static LogLogSlope fit(SortedMap<Integer, Double> valueByN, int from, int to) {
        SortedMap<Integer, Double> used = usable(valueByN);
        used = to == Integer.MAX_VALUE ? used.tailMap(from) : used.subMap(from, to + 1);
        if (used.size() < 2) {
            return new LogLogSlope(Double.NaN, from, to, used.size());
        }
        SimpleRegression regression = new SimpleRegression();
        used.forEach((n, v) -> regression.addData(Math.log(n), Math.log(v)));
        return new LogLogSlope(regression.getSlope(), used.firstKey(), used.lastKey(), used.size());
    }

    /**
     * Fit over the upper half of the measured N range on a log scale, {@code sqrt(Nmin Nmax) <= N <= Nmax}, where
     * fixed costs no longer hide the asymptotic growth.
     */
    public static LogLogSlope fitUpperHalf(SortedMap<Integer, Double> valueByN) {
        SortedMap<Integer, Double> used = usable(valueByN);
        if (used.size() < 2) {
            return new LogLogSlope(Double.NaN, 0, 0, used.size());
        }
        int lo = used.firstKey();
        int hi = used.lastKey();
        return fit(used, (int) Math.floor(Math.sqrt((double) lo * hi)), hi);
    }

    public boolean defined() {
        return !Double.isNaN(slope);
    }

    private static SortedMap<Integer, Double> usable(Map<Integer, Double> valueByN) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        valueByN.forEach((n, v) -> {
            if (v != null && v > 0 && !v.isNaN() && !v.isInfinite()) {
                out.put(n, v);
            }
        });
        return out;
    }
}
