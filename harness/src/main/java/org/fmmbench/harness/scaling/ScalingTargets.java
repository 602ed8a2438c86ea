package org.fmmbench.harness.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fmmbench.baselines.attention.VariantSpec;
import org.fmmbench.harness.results.ReportDocument;

/**
 * The efficiency targets of the scaling benchmark, checked against the rows of one run at B=1, H=2, d=32
 * (the paper's LRA heads) with FMM = {@code fmm:k=5,kernels=elu+elu_flip} and band = {@code band:k=5}.
 * A target whose cells were not measured says so instead of passing.
 */
public final class ScalingTargets {
    static final VariantSpec FMM = VariantSpec.parse("fmm:k=5,kernels=elu+elu_flip");
    static final VariantSpec BAND = VariantSpec.parse("band:k=5");
    static final VariantSpec LINEAR = VariantSpec.parse("linear");
    static final VariantSpec SOFTMAX = VariantSpec.parse("softmax");
    static final HeadLayout LAYOUT = new HeadLayout(2, 32);
    static final double LINEAR_SLOPE_MAX = 1.15;
    static final double QUADRATIC_SLOPE_TOLERANCE = 0.3;
    static final double BAND_VS_LINEAR_MAX = 1.25;
    static final double FLOOR_MULTIPLE_MAX = 3;

    public enum Verdict { PASS, FAIL, NOT_MEASURED }

    public record Target(String name, String requirement, String measured, Verdict verdict) {
    }

    private enum Metric {
        TIME("time"),
        MEMORY("peak memory");

        final String label;

        Metric(String label) {
            this.label = label;
        }
    }

    private final List<ScalingRow> rows;
    private final TimeBasis time;

    private ScalingTargets(List<ScalingRow> rows, TimeBasis time) {
        this.rows = rows.stream().filter(r -> r.ok() && r.cell().batch() == 1 && r.cell().layout().equals(LAYOUT))
                .toList();
        this.time = time;
    }

    /** @param time which measured time the time targets read */
    public static List<Target> evaluate(List<ScalingRow> rows, TimeBasis time) {
        return new ScalingTargets(rows, time).all();
    }

    /**
     * The paper's efficiency claim as this harness tests it: FMMformer's forward-and-backward time and peak memory
     * grow linearly in N (log-log slope over N 4096-65536 at most {@value #LINEAR_SLOPE_MAX}), time read as
     * {@code time}.
     */
    public static List<Target> fmmLinearInN(List<ScalingRow> rows, TimeBasis time) {
        ScalingTargets t = new ScalingTargets(rows, time);
        return List.of(t.linearSlope(FMM, BenchMode.FWDBWD, Metric.TIME),
                t.linearSlope(FMM, BenchMode.FWDBWD, Metric.MEMORY));
    }

    private List<Target> all() {
        List<Target> out = new ArrayList<>();
        for (BenchMode mode : List.of(BenchMode.FWDBWD, BenchMode.FWD)) {
            for (VariantSpec v : List.of(FMM, BAND, LINEAR)) {
                for (Metric m : Metric.values()) {
                    out.add(linearSlope(v, mode, m));
                }
            }
            for (Metric m : Metric.values()) {
                out.add(quadraticSlope(mode, m));
            }
        }
        out.add(ratioAtLeast("fmm fwdbwd vs softmax, time at N=8192", SOFTMAX, false, FMM, false, 8192, Metric.TIME, 30));
        out.add(ratioAtLeast("fmm fwdbwd vs softmax, peak memory at N=8192", SOFTMAX, false, FMM, false, 8192,
                Metric.MEMORY, 20));
        out.add(ratioAtMost("fmm fwdbwd vs linear, time at N=16384", FMM, false, LINEAR, false, 16384, Metric.TIME, 3));
        out.add(ratioAtMost("causal fmm fwdbwd vs causal linear, time at N=16384", FMM, true, LINEAR, true, 16384,
                Metric.TIME, 3));
        out.add(ratioAtMost("causal vs non-causal fmm fwdbwd, time at N=16384", FMM, true, FMM, false, 16384,
                Metric.TIME, 3));
        out.add(worstRatio("band fwdbwd vs linear, time at every N >= 4096", BAND, LINEAR, 4096, BAND_VS_LINEAR_MAX));
        out.add(aboveFloor(FMM, 8192, 65536, FLOOR_MULTIPLE_MAX));
        return out;
    }

    private Target linearSlope(VariantSpec v, BenchMode mode, Metric m) {
        String name = v.name() + " " + mode.label() + " " + m.label + " slope, N 4096-65536";
        LogLogSlope fit = LogLogSlope.fit(series(v, mode, false, m), 4096, 65536);
        String requirement = String.format(Locale.ROOT, "<= %.2f", LINEAR_SLOPE_MAX);
        if (fit.points() < 2) {
            return new Target(name, requirement, "not measured", Verdict.NOT_MEASURED);
        }
        return new Target(name, requirement, describe(fit), fit.slope() <= LINEAR_SLOPE_MAX ? Verdict.PASS : Verdict.FAIL);
    }

    private Target quadraticSlope(BenchMode mode, Metric m) {
        String name = "softmax " + mode.label() + " " + m.label + " slope, upper half of measured N";
        LogLogSlope fit = LogLogSlope.fitUpperHalf(series(SOFTMAX, mode, false, m));
        String requirement = String.format(Locale.ROOT, "2 +- %.1f", QUADRATIC_SLOPE_TOLERANCE);
        if (!fit.defined()) {
            return new Target(name, requirement, "not measured", Verdict.NOT_MEASURED);
        }
        boolean pass = Math.abs(fit.slope() - 2) <= QUADRATIC_SLOPE_TOLERANCE;
        return new Target(name, requirement, describe(fit), pass ? Verdict.PASS : Verdict.FAIL);
    }

    private Target ratioAtLeast(String name, VariantSpec num, boolean numCausal, VariantSpec den, boolean denCausal,
            int n, Metric m, double min) {
        return ratioTarget(name, ratio(num, numCausal, den, denCausal, n, m), ">= %.0fx", min, "%.1fx",
                r -> r >= min);
    }

    private Target ratioAtMost(String name, VariantSpec num, boolean numCausal, VariantSpec den, boolean denCausal,
            int n, Metric m, double max) {
        return ratioTarget(name, ratio(num, numCausal, den, denCausal, n, m), "<= %.0fx", max, "%.2fx",
                r -> r <= max);
    }

    /** A ratio against its bound: {@code requirement} formats the bound, {@code shown} the measured ratio. */
    private static Target ratioTarget(String name, double ratio, String requirement, double bound, String shown,
            java.util.function.DoublePredicate met) {
        String required = String.format(Locale.ROOT, requirement, bound);
        if (Double.isNaN(ratio)) {
            return new Target(name, required, "not measured", Verdict.NOT_MEASURED);
        }
        return new Target(name, required, String.format(Locale.ROOT, shown, ratio),
                met.test(ratio) ? Verdict.PASS : Verdict.FAIL);
    }

    /** The largest non-causal fwdbwd time ratio num / den over the N >= {@code from} where both were measured. */
    private Target worstRatio(String name, VariantSpec num, VariantSpec den, int from, double max) {
        SortedMap<Integer, Double> a = series(num, BenchMode.FWDBWD, false, Metric.TIME).tailMap(from);
        SortedMap<Integer, Double> b = series(den, BenchMode.FWDBWD, false, Metric.TIME);
        String requirement = String.format(Locale.ROOT, "<= %.2fx", max);
        double worst = Double.NaN;
        int worstN = 0;
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double d = b.get(e.getKey());
            if (d != null && d > 0 && !(e.getValue() / d <= worst)) {
                worst = e.getValue() / d;
                worstN = e.getKey();
            }
        }
        if (Double.isNaN(worst)) {
            return new Target(name, requirement, "not measured", Verdict.NOT_MEASURED);
        }
        return new Target(name, requirement, String.format(Locale.ROOT, "worst %.2fx (N=%d)", worst, worstN),
                worst <= max ? Verdict.PASS : Verdict.FAIL);
    }

    /** The largest "x above the roofline floor" of the variant's non-causal fwdbwd cells with N in [from, to]. */
    private Target aboveFloor(VariantSpec v, int from, int to, double max) {
        String name = v.name() + " fwdbwd time above its roofline floor, N " + from + "-" + to;
        String requirement = String.format(Locale.ROOT, "<= %.0fx", max);
        ScalingRow worst = null;
        for (ScalingRow r : rows) {
            ScalingCell c = r.cell();
            if (c.variant().equals(v) && c.mode() == BenchMode.FWDBWD && !c.causal() && c.n() >= from && c.n() <= to
                    && !Double.isNaN(r.roofline().timesAboveFloor(r.measurement()))
                    && (worst == null || r.roofline().timesAboveFloor(r.measurement())
                            > worst.roofline().timesAboveFloor(worst.measurement()))) {
                worst = r;
            }
        }
        if (worst == null) {
            return new Target(name, requirement, "not measured (or no roofline)", Verdict.NOT_MEASURED);
        }
        double x = worst.roofline().timesAboveFloor(worst.measurement());
        return new Target(name, requirement, String.format(Locale.ROOT, "worst %.1fx (N=%d, %.1f GFLOP/s = %.0f%% of "
                + "peak)", x, worst.cell().n(), worst.roofline().achievedGflops(worst.measurement()),
                worst.roofline().percentOfPeak(worst.measurement())), x <= max ? Verdict.PASS : Verdict.FAIL);
    }

    private double ratio(VariantSpec num, boolean numCausal, VariantSpec den, boolean denCausal, int n, Metric m) {
        Double a = series(num, BenchMode.FWDBWD, numCausal, m).get(n);
        Double b = series(den, BenchMode.FWDBWD, denCausal, m).get(n);
        return a == null || b == null || !(b > 0) ? Double.NaN : a / b;
    }

    private SortedMap<Integer, Double> series(VariantSpec v, BenchMode mode, boolean causal, Metric m) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (ScalingRow r : rows) {
            if (r.cell().variant().equals(v) && r.cell().mode() == mode && r.cell().causal() == causal) {
                double value = m == Metric.TIME ? time.ms(r.measurement()) : r.measurement().peakMib();
                if (!Double.isNaN(value)) {
                    out.put(r.cell().n(), value);
                }
            }
        }
        return out;
    }

    private static String describe(LogLogSlope fit) {
        return String.format(Locale.ROOT, "%.2f (N %d-%d, %d points)", fit.slope(), fit.from(), fit.to(), fit.points());
    }

    /** A Markdown table of the targets, with the threads the rows were measured with. */
    public static String markdown(List<Target> targets, String runId, List<ScalingRow> rows, TimeBasis time,
            MachineCeiling ceiling) {
        ReportDocument doc = new ReportDocument("Scaling targets, run " + runId);
        doc.paragraph("B=1, H=2, d=32; fmm = " + FMM + ", band = " + BAND + "; threads: "
                + rows.stream().map(r -> Integer.toString(r.threads())).distinct().toList() + ". Time is the median "
                + (time == TimeBasis.WALL ? "wall" : "benchmark thread's CPU") + " ms per operation, memory the peak MiB above "
                + "the fork's baseline. Roofline ceilings: "
                + (Double.isNaN(ceiling.gflops()) ? "not calibrated" : ceiling.describe())
                + "; the floor is max(FLOPs / peak FLOP/s, bytes / peak bandwidth) of the variant's declared cost.");
        doc.table(List.of("target", "requirement", "measured", "result"), targets.stream()
                .map(t -> List.of(t.name(), t.requirement(), t.measured(), switch (t.verdict()) {
                    case PASS -> "pass";
                    case FAIL -> "**FAIL**";
                    case NOT_MEASURED -> "not measured";
                })).toList());
        return doc.toMarkdown();
    }
}
