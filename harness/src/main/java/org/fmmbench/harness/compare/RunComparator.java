package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Matches the cells of two runs and judges each against {@link Tolerances}.
 *
 * <p>Normalised ratios divide out the speed of the machine: each cell's time (or memory) is divided by that of
 * the reference cell of its group in the same run, so the ratio compared is
 * (cand / cand_ref) / (base / base_ref) = (cand / base) / (cand_ref / base_ref). The factor cand_ref / base_ref
 * is the group's machine factor. Where a group has no reference measured on both sides (e.g. softmax skipped for
 * memory at large N), the geometric mean of the other groups' factors stands in, so a uniformly slower machine
 * still cancels out. A slow-down of the reference itself therefore shows as every other variant getting faster;
 * compare with {@code raw} on a fixed machine to see it.
 */
final class RunComparator {
    private final Tolerances tolerances;
    private final boolean raw;

    RunComparator(Tolerances tolerances, boolean raw) {
        this.tolerances = tolerances;
        this.raw = raw;
    }

    ComparisonResult compare(List<ComparableCell> baseline, List<ComparableCell> candidate, List<String> notes) {
        Map<String, ComparableCell> base = byId(baseline);
        Map<String, ComparableCell> cand = byId(candidate);
        MachineFactors time = new MachineFactors(base.values(), cand.values(), ComparableCell::timeMs);
        MachineFactors memory = new MachineFactors(base.values(), cand.values(), ComparableCell::memoryMib);
        List<CellComparison> matched = new ArrayList<>();
        List<ComparableCell> onlyBase = new ArrayList<>();
        for (ComparableCell b : base.values()) {
            ComparableCell c = cand.get(b.id());
            if (c == null) {
                onlyBase.add(b);
            } else {
                matched.add(judge(b, c, time, memory));
            }
        }
        List<ComparableCell> onlyCand = cand.values().stream().filter(c -> !base.containsKey(c.id())).toList();
        // stable sort: regressions first, each part in file order
        matched.sort(Comparator.comparing(m -> !m.regressed()));
        List<String> runNotes = new ArrayList<>(notes);
        List<String> otherData = matched.stream().filter(m -> differentData(m.baseline(), m.candidate()))
                .map(m -> m.baseline().key()).toList();
        if (!otherData.isEmpty()) {
            runNotes.add("Finding: " + otherData.size() + " matched cell(s) trained and tested on different data "
                    + "(data fingerprint differs), so their quality deltas compare different examples: "
                    + String.join(", ", otherData) + ".");
        }
        return new ComparisonResult(matched, onlyBase, onlyCand, runNotes);
    }

    /** Both cells recorded a data fingerprint and the two differ. */
    private static boolean differentData(ComparableCell b, ComparableCell c) {
        return b.dataFingerprint() != null && c.dataFingerprint() != null && !b.dataFingerprint().equals(c.dataFingerprint());
    }

    private CellComparison judge(ComparableCell b, ComparableCell c, MachineFactors time, MachineFactors memory) {
        List<String> regressions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!b.status().equals(c.status())) {
            String change = "status " + b.status() + " -> " + c.status();
            if (b.ok() && !c.ok()) {
                regressions.add(change);
            } else {
                notes.add(change);
            }
        }
        if (b.configHash() != null && c.configHash() != null && !b.configHash().equals(c.configHash())) {
            notes.add("config hash differs (" + b.configHash() + " vs " + c.configHash() + ")");
        }
        if (differentData(b, c)) {
            notes.add("data fingerprint differs (" + b.dataFingerprint() + " vs " + c.dataFingerprint()
                    + "): the cells did not see the same examples, so their accuracies are not comparable");
        }
        Double delta = null;
        if (b.quality() != null && c.quality() != null && b.qualityKind() == c.qualityKind()) {
            delta = c.quality() - b.quality();
            if (b.qualityKind() == ComparableCell.QualityKind.ACCURACY && delta < -tolerances.accuracyPoints()) {
                regressions.add(String.format(Locale.ROOT, "accuracy %+.2f points (tolerance -%s)", delta,
                        plain(tolerances.accuracyPoints())));
            } else if (b.qualityKind() == ComparableCell.QualityKind.PERPLEXITY && delta > tolerances.perplexity()) {
                regressions.add(String.format(Locale.ROOT, "perplexity %+.2f (tolerance +%s)", delta,
                        plain(tolerances.perplexity())));
            }
        }
        Double rawTime = ratio(c.timeMs(), b.timeMs());
        Double timeRatio = gated(rawTime, time, b, "time", notes);
        if (timeRatio != null && timeRatio > tolerances.timeRatio()) {
            regressions.add(String.format(Locale.ROOT, "step time x%.2f%s (tolerance x%s)", timeRatio,
                    raw ? " raw" : " normalised", plain(tolerances.timeRatio())));
        }
        Double rawMemory = ratio(c.memoryMib(), b.memoryMib());
        Double memoryRatio = gated(rawMemory, memory, b, "memory", notes);
        if (memoryRatio != null && memoryRatio > tolerances.memoryRatio()
                && c.memoryMib() - b.memoryMib() > tolerances.memoryFloorMib()) {
            regressions.add(String.format(Locale.ROOT, "peak memory x%.2f%s, %+.0f MiB (tolerance x%s and +%s MiB)",
                    memoryRatio, raw ? " raw" : " normalised", c.memoryMib() - b.memoryMib(),
                    plain(tolerances.memoryRatio()), plain(tolerances.memoryFloorMib())));
        }
        return new CellComparison(b, c, delta, timeRatio, rawTime, memoryRatio, rawMemory, regressions, notes);
    }

    private Double gated(Double rawRatio, MachineFactors factors, ComparableCell cell, String what,
            List<String> notes) {
        if (rawRatio == null || raw) {
            return rawRatio;
        }
        Double factor = factors.of(cell);
        if (factor == null) {
            notes.add(what + " not normalised: no reference measured in both runs");
            return null;
        }
        if (!factors.exact(cell)) {
            notes.add(what + " normalised by the run's mean reference factor (no reference at this "
                    + ("scaling".equals(cell.source()) ? "size" : "task and seed") + ")");
        }
        return rawRatio / factor;
    }

    private static Double ratio(Double candidate, Double baseline) {
        if (candidate == null || baseline == null || !(baseline > 0)) {
            return null;
        }
        return candidate / baseline;
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("\\.0$", "");
    }

    private static Map<String, ComparableCell> byId(List<ComparableCell> cells) {
        Map<String, ComparableCell> map = new LinkedHashMap<>();
        for (ComparableCell c : cells) {
            if (map.put(c.id(), c) != null) {
                throw new CompareInputException("Cell '" + c.id() + "' appears twice in one run: compare runs one "
                        + "at a time, not files concatenated together.");
            }
        }
        return map;
    }

    /** Candidate / baseline value of the reference cell per group, and their geometric mean as a fallback. */
    private static final class MachineFactors {
        private final Map<String, Double> byGroup = new LinkedHashMap<>();
        private final Map<String, Double> fallbackBySource = new LinkedHashMap<>();

        MachineFactors(Iterable<ComparableCell> base, Iterable<ComparableCell> cand,
                Function<ComparableCell, Double> metric) {
            Map<String, ComparableCell> candRefs = new LinkedHashMap<>();
            for (ComparableCell c : cand) {
                if (c.reference() && c.ok()) {
                    candRefs.put(c.source() + "|" + c.group(), c);
                }
            }
            Map<String, double[]> logSums = new LinkedHashMap<>();
            for (ComparableCell b : base) {
                ComparableCell c = candRefs.get(b.source() + "|" + b.group());
                if (!b.reference() || !b.ok() || c == null) {
                    continue;
                }
                Double r = ratio(metric.apply(c), metric.apply(b));
                if (r != null && r > 0) {
                    byGroup.put(b.source() + "|" + b.group(), r);
                    double[] sum = logSums.computeIfAbsent(b.source(), s -> new double[2]);
                    sum[0] += Math.log(r);
                    sum[1]++;
                }
            }
            logSums.forEach((source, sum) -> fallbackBySource.put(source, Math.exp(sum[0] / sum[1])));
        }

        boolean exact(ComparableCell cell) {
            return byGroup.containsKey(cell.source() + "|" + cell.group());
        }

        Double of(ComparableCell cell) {
            Double f = byGroup.get(cell.source() + "|" + cell.group());
            return f != null ? f : fallbackBySource.get(cell.source());
        }
    }
}
