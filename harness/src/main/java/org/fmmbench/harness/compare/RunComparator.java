package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Matches the cells of two runs (or two sets of repeated runs) and judges each.
 *
 * <p>Time is judged in two views, and either can fail a cell. <em>Normalised</em>: each value divided by that of
 * the reference variant of its group in the same run (same task and seed, or same size), which cancels the speed
 * of the machine but also any slow-down shared by every variant, and shows a slower reference as every other
 * variant getting faster. <em>Calibrated</em>: each value divided by the run's calibration workload
 * ({@code calibration.json}), which cancels the machine but not the code, so a uniform slow-down of the training
 * loop and a slow-down of the reference variant alone both show. Memory is judged normalised where the reference
 * variant's peak is at least {@value #NORMALISE_MEMORY_ABOVE_FLOORS} memory floors in every run, raw elsewhere: a
 * peak of a few MiB moves by the floor between identical runs, and dividing by it divides by noise (softmax's peak at
 * N = 256 measured 4x lower in one CI run and made band and fmm look x3.3 hungrier). {@code --raw} judges raw
 * values everywhere, for runs on one fixed machine.
 *
 * <p>Where the reference variant has no value in some run at some group (e.g. softmax skipped for memory at a
 * large N), that group is divided in every run by the run's speed relative to the first baseline run: the
 * geometric mean of its reference ratios over the groups that have one.
 *
 * <p>With at least {@value Bootstrap#MIN_REPEATS} baseline repeats of a cell its verdict comes from a bootstrap
 * interval at {@value #LEVEL} (regression, improvement or inconclusive) widened to the resolution of the
 * measurement; the hand-set ratios of {@link Tolerances} apply only to cells without repeats. Quality keeps its
 * tolerance always: repeats of a seeded cell give the same accuracy, so they measure no noise.
 */
final class RunComparator {
    /** Two-sided level of the bootstrap intervals: a run compares about a hundred cell views at once. */
    static final double LEVEL = 0.99;
    /**
     * Linux's process CPU clock ticks every 10 ms, so a results row's per-step CPU median read on it moves in such
     * steps. Runs of one intra-op thread are read on the training thread's clock (ns, {@code CpuClock}) since the
     * cpuclock change; the 10 ms stays the resolution assumed for every run, as a noise floor of short cells (and
     * older references are on the process clock).
     */
    private static final double CPU_TICK_MS = 10;
    /**
     * Step times of fewer CPU ticks than this are not judged cell by cell. Two fresh-clone CI runs read 20-40 ms cells
     * of the smoke reference as x1.75-x2.00 (one or two ticks) with unchanged code; pooled over a row's cells the same
     * runs stayed within x0.85-x1.23. The calibration divides by a matrix-product time that is itself read in ticks
     * (90-120 ms, so x0.75-x1.33 between identical runs; the CI run of edaef3b read x1.33), so a 50 ms cell read
     * two ticks slow already stands at x1.87 calibrated. From ten ticks up a tick is 10 % at most.
     */
    static final double RESOLVED_TICKS = 10;
    /**
     * How many memory floors the reference variant's peak must reach for memory to be normalised by it: the floor is
     * the run-to-run noise of a peak, so the divisor then moves by at most a fifth (x0.8-x1.25 from noise alone).
     */
    static final double NORMALISE_MEMORY_ABOVE_FLOORS = 5;

    private final Tolerances tolerances;
    private final boolean raw;
    private final TimeMeasure time;
    private final boolean allowConfigChange;

    RunComparator(Tolerances tolerances, boolean raw, TimeMeasure time, boolean allowConfigChange) {
        this.tolerances = tolerances;
        this.raw = raw;
        this.time = time;
        this.allowConfigChange = allowConfigChange;
    }

    ComparisonResult compare(List<ComparableCell> baseline, List<ComparableCell> candidate, List<String> notes) {
        Map<String, List<ComparableCell>> base = byId(baseline);
        Map<String, List<ComparableCell>> cand = byId(candidate);
        List<ComparableCell> all = new ArrayList<>(baseline);
        all.addAll(candidate);
        List<View> timeViews = new ArrayList<>();
        List<View> memoryViews = new ArrayList<>();
        if (raw) {
            timeViews.add(View.RAW);
            memoryViews.add(View.RAW);
        } else {
            timeViews.add(new ReferenceView(all, ComparableCell::timeMs, 0));
            memoryViews.add(new ReferenceView(all, ComparableCell::memoryMib,
                    NORMALISE_MEMORY_ABOVE_FLOORS * tolerances.memoryFloorMib()));
            Set<String> uncalibrated = new LinkedHashSet<>();
            all.stream().filter(c -> c.calibrationMs() == null).forEach(c -> uncalibrated.add(c.run()));
            if (uncalibrated.isEmpty()) {
                timeViews.add(View.CALIBRATED);
            } else {
                notes.add("Step time is not calibrated: no " + org.fmmbench.harness.results.Calibration.FILE_NAME
                        + " in " + String.join(", ", uncalibrated) + " (a run older than the calibration), so a "
                        + "slow-down shared by every variant cancels out in the normalised view.");
            }
        }
        List<CellComparison> matched = new ArrayList<>();
        List<ComparableCell> missing = new ArrayList<>();
        base.forEach((id, b) -> {
            List<ComparableCell> c = cand.get(id);
            if (c == null) {
                missing.add(b.get(0));
            } else {
                matched.add(judge(b, c, timeViews, memoryViews));
            }
        });
        List<ComparableCell> onlyCand = cand.entrySet().stream().filter(e -> !base.containsKey(e.getKey()))
                .map(e -> e.getValue().get(0)).toList();
        // stable sort: regressions first, each part in file order
        matched.sort(Comparator.comparing(m -> !m.regressed()));
        // pooled in the view that sees a slow-down shared by every row (the normalised one cancels it)
        View poolView = raw ? View.RAW : timeViews.contains(View.CALIBRATED) ? View.CALIBRATED : null;
        List<RowPool> pools = poolView == null ? List.of()
                : RowPool.judge(base, cand, poolView, tolerances.pooledTimeRatio(), LEVEL, notes);
        return new ComparisonResult(matched, missing, onlyCand, pools, notes);
    }

    private CellComparison judge(List<ComparableCell> bs, List<ComparableCell> cs, List<View> timeViews,
            List<View> memoryViews) {
        ComparableCell b = bs.get(0);
        ComparableCell c = cs.get(0);
        List<String> regressions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean baseOk = bs.stream().anyMatch(ComparableCell::ok);
        boolean candOk = cs.stream().allMatch(ComparableCell::ok);
        if (!b.status().equals(c.status()) || baseOk != candOk) {
            String change = "status " + b.status() + " -> " + (candOk ? c.status()
                    : cs.stream().filter(x -> !x.ok()).findFirst().orElseThrow().status());
            (baseOk && !candOk ? regressions : notes).add(change);
        }
        drift("config hash", bs, cs, ComparableCell::configHash, regressions, notes);
        drift("data fingerprint", bs, cs, ComparableCell::dataFingerprint, regressions, notes);
        Double delta = null;
        Double bq = mean(bs, ComparableCell::quality);
        Double cq = mean(cs, ComparableCell::quality);
        if (bq != null && cq != null && b.qualityKind() == c.qualityKind()) {
            delta = cq - bq;
            if (b.qualityKind() == ComparableCell.QualityKind.ACCURACY && delta < -tolerances.accuracyPoints()) {
                regressions.add(String.format(Locale.ROOT, "accuracy %+.2f points (tolerance -%s)", delta,
                        plain(tolerances.accuracyPoints())));
            } else if (b.qualityKind() == ComparableCell.QualityKind.PERPLEXITY && delta > tolerances.perplexity()) {
                regressions.add(String.format(Locale.ROOT, "perplexity %+.2f (tolerance +%s)", delta,
                        plain(tolerances.perplexity())));
            }
        }
        double tick = time == TimeMeasure.CPU && "results".equals(b.source()) ? CPU_TICK_MS : 0;
        List<Judgement> timeJudgements = new ArrayList<>();
        for (View view : timeViews) {
            Judgement j = judge(view, bs, cs, ComparableCell::timeMs, tolerances.timeRatio(), tick, tick > 0, notes,
                    "time");
            if (j != null) {
                timeJudgements.add(j);
                verdict("step time", j, tolerances.timeRatio(), null, regressions, notes);
            }
        }
        List<Judgement> memoryJudgements = new ArrayList<>();
        Double rise = difference(cs, bs, ComparableCell::memoryMib);
        for (View view : memoryViews) {
            Judgement j = judge(view, bs, cs, ComparableCell::memoryMib, tolerances.memoryRatio(),
                    tolerances.memoryFloorMib(), false, notes, "memory");
            if (j != null && j.lower() == null && rise != null && rise <= tolerances.memoryFloorMib()) {
                j = new Judgement(j.view(), j.ratio(), null, null, null, Judgement.Verdict.WITHIN_TOLERANCE, 0);
            }
            if (j != null) {
                memoryJudgements.add(j);
                verdict("peak memory", j, tolerances.memoryRatio(), rise, regressions, notes);
            }
        }
        return new CellComparison(b, c, bs.size(), cs.size(), delta, timeJudgements,
                ratio(median(cs, ComparableCell::timeMs), median(bs, ComparableCell::timeMs)), memoryJudgements,
                ratio(median(cs, ComparableCell::memoryMib), median(bs, ComparableCell::memoryMib)), regressions,
                notes);
    }

    /** A configuration or data that differs makes the numbers incomparable: a regression unless allowed. */
    private void drift(String what, List<ComparableCell> bs, List<ComparableCell> cs,
            Function<ComparableCell, String> value, List<String> regressions, List<String> notes) {
        String b = bs.stream().map(value).filter(Objects::nonNull).findFirst().orElse(null);
        String c = cs.stream().map(value).filter(Objects::nonNull).findFirst().orElse(null);
        if (b == null || c == null) {
            if (b != null || c != null) {
                notes.add(what + " not recorded in the " + (b == null ? "baseline" : "candidate"));
            }
            return;
        }
        if (!b.equals(c)) {
            String change = what + " differs (" + abbreviate(b) + " vs " + abbreviate(c) + ")";
            if (allowConfigChange) {
                notes.add(change + ", allowed by --allow-config-change");
            } else {
                regressions.add(change + ": the cells measured different things (--allow-config-change if meant)");
            }
        }
    }

    /**
     * One view of one metric: normalised values of every repeat on each side, judged by {@link Judgement#of}.
     * {@code resolution} is the smallest change of the raw value the measurement can show (a clock tick, the memory
     * floor); a cell whose baseline value is below {@value #RESOLVED_TICKS} resolutions is not judged alone (with
     * {@code pooled}: its row's pooled step time judges it).
     */
    private Judgement judge(View view, List<ComparableCell> bs, List<ComparableCell> cs,
            Function<ComparableCell, Double> metric, double tolerance, double resolution, boolean pooled,
            List<String> notes, String what) {
        double[] x = logs(view, bs, metric, notes, what);
        double[] y = logs(view, cs, metric, notes, what);
        if (x.length == 0 || y.length == 0) {
            return null;
        }
        Double b = median(bs, metric);
        Double c = median(cs, metric);
        String name = view.name(bs.get(0));
        if (pooled && b != null && b < RESOLVED_TICKS * resolution) {
            return new Judgement(name, Math.exp(Bootstrap.mean(y) - Bootstrap.mean(x)), null, null, null,
                    Judgement.Verdict.UNRESOLVED, x.length);
        }
        // A raw change within the measurement's resolution is not evidence (memory: a rise within the floor).
        boolean visible = resolution <= 0 || b == null || c == null || Math.abs(c - b) > resolution;
        double floor = resolution > 0 && b != null && b > 0 ? Math.log1p(resolution / b) : 0;
        return Judgement.of(name, x, y, tolerance, floor, visible, LEVEL);
    }

    private void verdict(String metric, Judgement j, double tolerance, Double rise, List<String> regressions,
            List<String> notes) {
        if (j.lower() == null) {
            if (j.regressed()) {
                regressions.add(rise == null
                        ? String.format(Locale.ROOT, "%s x%.2f %s (tolerance x%s)", metric, j.ratio(), j.view(),
                                plain(tolerance))
                        : String.format(Locale.ROOT, "%s x%.2f %s, %+.0f MiB (tolerance x%s and +%s MiB)", metric,
                                j.ratio(), j.view(), rise, plain(tolerance), plain(tolerances.memoryFloorMib())));
            }
        } else if (j.regressed()) {
            regressions.add(metric + " " + j.describe() + " from " + j.repeats() + " baseline repeats");
        } else if (j.verdict() == Judgement.Verdict.IMPROVEMENT) {
            notes.add(metric + " improved: " + j.describe());
        }
    }

    private static double[] logs(View view, List<ComparableCell> cells, Function<ComparableCell, Double> metric,
            List<String> notes, String what) {
        return cells.stream().map(c -> log(view, c, metric, notes, what)).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The one normalised measurement cells and row pools are judged on: log(value / the view's divisor), or
     * {@code null} when the cell is not ok or lacks the value or the divisor.
     */
    static Double log(View view, ComparableCell c, Function<ComparableCell, Double> metric, List<String> notes,
            String what) {
        Double v = metric.apply(c);
        if (!c.ok() || v == null || !(v > 0)) {
            return null;
        }
        Double denominator = view.denominator(c, notes, what);
        return denominator != null && denominator > 0 ? Math.log(v / denominator) : null;
    }

    private static Double mean(List<ComparableCell> cells, Function<ComparableCell, Double> metric) {
        double[] v = cells.stream().map(metric).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : Bootstrap.mean(v);
    }

    private static Double median(List<ComparableCell> cells, Function<ComparableCell, Double> metric) {
        double[] v = cells.stream().map(metric).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : new Median().evaluate(v);
    }

    private static Double difference(List<ComparableCell> cs, List<ComparableCell> bs,
            Function<ComparableCell, Double> metric) {
        Double c = median(cs, metric);
        Double b = median(bs, metric);
        return c == null || b == null ? null : c - b;
    }

    private static Double ratio(Double candidate, Double baseline) {
        if (candidate == null || baseline == null || !(baseline > 0)) {
            return null;
        }
        return candidate / baseline;
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("\\.0$", "");
    }

    /** Cells by id, in file order; one id from several runs are that cell's repeats. */
    private static Map<String, List<ComparableCell>> byId(List<ComparableCell> cells) {
        Map<String, List<ComparableCell>> map = new LinkedHashMap<>();
        for (ComparableCell c : cells) {
            List<ComparableCell> repeats = map.computeIfAbsent(c.id(), k -> new ArrayList<>());
            if (repeats.stream().anyMatch(r -> r.run().equals(c.run()))) {
                throw new CompareInputException("Cell '" + c.id() + "' appears twice in " + c.run() + ": compare "
                        + "runs one at a time, not files concatenated together (repeats go in run directories "
                        + "side by side).");
            }
            repeats.add(c);
        }
        return map;
    }

    /** What a cell's value is divided by before baseline and candidate are compared. */
    interface View {
        View RAW = simple("raw", c -> 1.0);
        View CALIBRATED = simple("calibrated", ComparableCell::calibrationMs);

        String name();

        /** The name shown for {@code cell}'s judgement: a view may fall back to raw values for some cells. */
        default String name(ComparableCell cell) {
            return name();
        }

        /** The divisor of {@code cell}'s value, or {@code null} (with a note) when this view has none. */
        Double denominator(ComparableCell cell, List<String> notes, String what);

        private static View simple(String name, Function<ComparableCell, Double> denominator) {
            return new View() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Double denominator(ComparableCell cell, List<String> notes, String what) {
                    return denominator.apply(cell);
                }
            };
        }
    }

    /**
     * Divides by the reference variant of the same run and group; groups where some run has no reference are
     * divided by the run's speed relative to the first baseline run instead. Groups where some run's reference value
     * is below {@code rawBelow} are not divided at all (its noise would dominate the ratio).
     */
    private static final class ReferenceView implements View {
        private final Map<String, Double> references = new LinkedHashMap<>();
        private final Set<String> inexact = new LinkedHashSet<>();
        private final Set<String> tooSmall = new LinkedHashSet<>();
        private final Map<String, Double> speeds = new LinkedHashMap<>();
        private final double rawBelow;

        ReferenceView(List<ComparableCell> all, Function<ComparableCell, Double> metric, double rawBelow) {
            this.rawBelow = rawBelow;
            for (ComparableCell c : all) {
                Double v = metric.apply(c);
                if (c.reference() && c.ok() && v != null && v > 0) {
                    references.put(c.run() + "|" + c.source() + "|" + c.group(), v);
                    if (v < rawBelow) {
                        tooSmall.add(c.source() + "|" + c.group());
                    }
                }
            }
            for (ComparableCell c : all) {
                if (!references.containsKey(c.run() + "|" + c.source() + "|" + c.group())) {
                    inexact.add(c.source() + "|" + c.group());
                }
            }
            String anchor = all.get(0).run();
            Map<String, double[]> logSums = new LinkedHashMap<>();
            references.forEach((key, value) -> {
                String[] parts = key.split("\\|", 3);
                Double anchorValue = references.get(anchor + "|" + parts[1] + "|" + parts[2]);
                String group = parts[1] + "|" + parts[2];
                if (anchorValue != null && !inexact.contains(group) && !tooSmall.contains(group)) {
                    double[] sum = logSums.computeIfAbsent(parts[0] + "|" + parts[1], k -> new double[2]);
                    sum[0] += Math.log(value / anchorValue);
                    sum[1]++;
                }
            });
            logSums.forEach((runSource, sum) -> speeds.put(runSource, Math.exp(sum[0] / sum[1])));
        }

        @Override
        public String name() {
            return "normalised";
        }

        @Override
        public String name(ComparableCell cell) {
            return raw(cell) ? RAW.name() : name();
        }

        /**
         * Whether {@code cell} is compared raw: its group's reference is too small to divide by, or (memory) it has
         * none and neither has any group of its run that could stand in; ungated would hide a doubled peak.
         */
        private boolean raw(ComparableCell cell) {
            String group = cell.source() + "|" + cell.group();
            return tooSmall.contains(group) || rawBelow > 0 && inexact.contains(group)
                    && speeds.get(cell.run() + "|" + cell.source()) == null;
        }

        @Override
        public Double denominator(ComparableCell cell, List<String> notes, String what) {
            if (raw(cell)) {
                String note = what + " compared raw where the reference variant's peak is below " + plain(rawBelow)
                        + " MiB (" + plain(NORMALISE_MEMORY_ABOVE_FLOORS) + " x --memory-floor): normalising by a "
                        + "peak that small divides by noise";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
                return 1.0;
            }
            if (!inexact.contains(cell.source() + "|" + cell.group())) {
                return references.get(cell.run() + "|" + cell.source() + "|" + cell.group());
            }
            Double speed = speeds.get(cell.run() + "|" + cell.source());
            String note = speed == null ? what + " not normalised: no reference measured in both runs"
                    : what + " normalised by the run's mean reference factor (no reference at this "
                            + ("scaling".equals(cell.source()) ? "size" : "task and seed") + ")";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return speed;
        }
    }
}
