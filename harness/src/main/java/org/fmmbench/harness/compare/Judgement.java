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
        WITHIN_TOLERANCE("within tolerance");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    boolean regressed() {
        return verdict == Verdict.REGRESSION;
    }

    /** E.g. {@code x1.98 calibrated [x1.61, x2.35] regression, detectable x1.19}. */
    String describe() {
        String s = String.format(Locale.ROOT, "x%.2f %s", ratio, view);
        if (lower == null) {
            return s;
        }
        return s + String.format(Locale.ROOT, " [x%.2f, x%.2f] %s, detectable x%.2f", lower, upper, verdict.label(),
                detectable);
    }
}
