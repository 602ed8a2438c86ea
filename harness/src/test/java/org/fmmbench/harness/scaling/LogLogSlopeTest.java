package org.fmmbench.harness.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class LogLogSlopeTest {

    private static SortedMap<Integer, Double> curve(int from, int to, IntToDoubleFunction f) {
        SortedMap<Integer, Double> points = new TreeMap<>();
        for (int n = from; n <= to; n *= 2) {
            points.put(n, f.applyAsDouble(n));
        }
        return points;
    }

    @Test
    void linearAndQuadraticCurvesHaveSlopesOneAndTwo() {
        assertEquals(1.0, LogLogSlope.fitUpperHalf(curve(256, 65536, n -> 0.003 * n)).slope(), 1e-9);
        assertEquals(2.0, LogLogSlope.fitUpperHalf(curve(256, 65536, n -> 7e-6 * n * (double) n)).slope(), 1e-9);
    }

    @Test
    void upperHalfIgnoresTheFixedCostRegime() {
        // Constant 1000 below N=2048, quadratic above: only the upper half of the log range is fitted.
        SortedMap<Integer, Double> points = curve(256, 65536, n -> n < 2048 ? 1000 : n * (double) n / 4096);
        LogLogSlope fit = LogLogSlope.fitUpperHalf(points);
        assertEquals(2.0, fit.slope(), 1e-9);
        assertEquals(4096, fit.from());
        assertEquals(65536, fit.to());
        assertEquals(5, fit.points());
        assertEquals(2.0, LogLogSlope.fit(points, 4096, 65536).slope(), 1e-9);
    }

    @Test
    void fitIsRestrictedToTheRequestedRange() {
        SortedMap<Integer, Double> points = curve(256, 65536, n -> n <= 4096 ? n : n * (double) n / 4096);
        assertEquals(1.0, LogLogSlope.fit(points, 256, 4096).slope(), 1e-9);
        assertEquals(2.0, LogLogSlope.fit(points, 4096, 65536).slope(), 1e-9);
    }

    @Test
    void nonPositiveValuesAreLeftOutAndTooFewPointsGiveNoSlope() {
        SortedMap<Integer, Double> points = curve(256, 1024, n -> n);
        points.put(2048, 0.0);
        points.put(4096, Double.NaN);
        LogLogSlope fit = LogLogSlope.fit(points, 256, 4096);
        assertEquals(1.0, fit.slope(), 1e-9);
        assertEquals(1024, fit.to());
        assertFalse(LogLogSlope.fit(points, 1024, 4096).defined());
    }
}
