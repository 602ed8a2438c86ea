package org.fmmbench.harness.report;

import java.util.List;
import java.util.Optional;
import org.fmmbench.harness.train.CurvePoint;

/**
 * Whether a cell trained long enough to judge it: its validation has plateaued when the last 20 % of its steps
 * improved the best validation accuracy by less than 1 point (perplexity: lowered it by less than 1 %). This is the
 * criterion the reduced profiles are set by (docs/profiles.md, "cpu"); only the curve can tell, not the estimate.
 *
 * @param before the best validation value up to 80 % of the cell's steps (accuracy in %, or perplexity)
 * @param best the best validation value of the whole curve
 * @param perplexity whether the values are perplexities (lower is better)
 */
record ValidationPlateau(double before, double best, boolean perplexity) {
    /** The share of the steps at the end whose gain is judged. */
    static final double TAIL = 0.2;
    /** Accuracy gain, in points, below which the tail is a plateau. */
    static final double POINTS = 1.0;
    /** Relative perplexity drop below which the tail is a plateau. */
    static final double PERPLEXITY_SHARE = 0.01;

    /** The plateau of a curve; empty when no evaluation lies in the first 80 % of its steps. */
    static Optional<ValidationPlateau> of(List<CurvePoint> curve) {
        if (curve.isEmpty()) {
            return Optional.empty();
        }
        boolean perplexity = curve.stream().anyMatch(p -> !Double.isNaN(p.valPerplexity()));
        int lastStep = curve.get(curve.size() - 1).step();
        double cut = (1 - TAIL) * lastStep;
        double before = Double.NaN;
        double best = Double.NaN;
        for (CurvePoint p : curve) {
            double v = perplexity ? p.valPerplexity() : 100 * p.valAccuracy();
            if (Double.isNaN(v)) {
                continue;
            }
            if (p.step() <= cut) {
                before = better(before, v, perplexity);
            }
            best = better(best, v, perplexity);
        }
        return Double.isNaN(before) ? Optional.empty() : Optional.of(new ValidationPlateau(before, best, perplexity));
    }

    boolean plateaued() {
        return perplexity ? before - best < PERPLEXITY_SHARE * before : best - before < POINTS;
    }

    private static double better(double current, double v, boolean lowerIsBetter) {
        if (Double.isNaN(current)) {
            return v;
        }
        return lowerIsBetter ? Math.min(current, v) : Math.max(current, v);
    }
}
