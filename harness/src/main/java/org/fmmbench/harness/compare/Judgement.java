package org.fmmbench.harness.compare;

import java.util.Locale;

/**
 * One view of one metric of one cell: the ratio candidate / baseline and what it means. With at least
 * {@value Bootstrap#MIN_REPEATS} baseline repeats the verdict comes from a bootstrap interval ({@code lower},
 * {@code upper}) and {@code detectable} is the smallest change that interval can tell from noise; without
 * repeats the interval is {@code null} and the verdict comes from the hand-set tolerance.
 *
 * @param view how the values were normalised: {@code normalised} (by the reference variant of the same run),
 *        {@code calibrated} (by the run's calibration workload) or {@code raw}
 */
record Judgement(String view, double ratio, Double lower, Double upper, Double detectable, Verdict verdict,
        int repeats) {

    enum Verdict {
        REGRESSION("regression"),
        IMPROVEMENT("improvement"),
        INCONCLUSIVE("inconclusive"),
        WITHIN_TOLERANCE("within tolerance"),
        /** Too few clock ticks to judge alone; the cell counts in its row's pooled step time instead. */
        UNRESOLVED("below resolution, judged pooled per row");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * The verdict on baseline values {@code x} and candidate values {@code y} (logs, already normalised). Without
     * {@value Bootstrap#MIN_REPEATS} baseline repeats: a regression when the ratio exceeds {@code tolerance} and
     * {@code visible}. With them: a bootstrap interval at {@code level}, never narrower than {@code floor} (the
     * measurement's resolution, in log) nor than the tolerance itself, because repeats recorded back to back show
     * the noise of one sitting only, and the tolerance was set from runs on different occasions. A regression then
     * has to be beyond both the tolerance and the repeats' own noise.
     */
    static Judgement of(String view, double[] x, double[] y, double tolerance, double floor, boolean visible,
            double level) {
        double d = Bootstrap.mean(y) - Bootstrap.mean(x);
        if (x.length < Bootstrap.MIN_REPEATS) {
            Verdict v = visible && Math.exp(d) > tolerance ? Verdict.REGRESSION : Verdict.WITHIN_TOLERANCE;
            return new Judgement(view, Math.exp(d), null, null, null, v, x.length);
        }
        double[] interval = Bootstrap.interval(x, y, level);
        double widest = Math.max(floor, Math.log(tolerance));
        double lower = Math.min(interval[0], d - widest);
        double upper = Math.max(interval[1], d + widest);
        Verdict v = lower > 0 ? Verdict.REGRESSION : upper < 0 ? Verdict.IMPROVEMENT : Verdict.INCONCLUSIVE;
        return new Judgement(view, Math.exp(d), Math.exp(lower), Math.exp(upper), Math.exp((upper - lower) / 2), v,
                x.length);
    }

    boolean regressed() {
        return verdict == Verdict.REGRESSION;
    }

    /** E.g. {@code x1.98 calibrated [x1.61, x2.35] regression, detectable x1.19}. */
    String describe() {
        String s = String.format(Locale.ROOT, "x%.2f %s", ratio, view);
        if (verdict == Verdict.UNRESOLVED) {
            return s + " (" + verdict.label() + ")";
        }
        if (lower == null) {
            return s;
        }
        return s + String.format(Locale.ROOT, " [x%.2f, x%.2f] %s, detectable x%.2f", lower, upper, verdict.label(),
                detectable);
    }
}
