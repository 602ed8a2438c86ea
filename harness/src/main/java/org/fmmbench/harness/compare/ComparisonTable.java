package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fmmbench.harness.report.SeedInterval;
import org.fmmbench.harness.results.ReportDocument;

/**
 * Renders a {@link ComparisonResult} as Markdown: verdict, one table with regressions first, each row's pooled step
 * time, quality over seeds, one-sided cells.
 */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String markdown(ComparisonResult result, Settings settings) {
        ReportDocument doc = new ReportDocument("fmmbench compare");
        List<String> header = new ArrayList<>();
        header.add("Baseline: `" + settings.baseline() + "`");
        header.add("Candidate: `" + settings.candidate() + "`");
        header.add("Ratios are candidate / baseline, " + (settings.raw() ? "raw (not normalised)"
                : "in two views: *normalised*, each value divided by that of the reference `" + settings.reference()
                        + "` of the same run at the same task and seed (results) or size (scaling), and "
                        + "*calibrated* (step time), divided by the run's calibration workload; either view can "
                        + "fail a cell") + ".");
        header.add(String.format(Locale.ROOT, "Repeats: %d baseline and %d candidate run(s). Where the baseline "
                + "has %d or more, a cell's step time and memory are judged by a %.0f%% bootstrap interval "
                + "[lower, upper] (regression / improvement / inconclusive; detectable = the smallest change it "
                + "can tell from noise); the tolerances below apply only without repeats.",
                settings.baselineRuns(), settings.candidateRuns(), Bootstrap.MIN_REPEATS,
                RunComparator.LEVEL * 100));
        header.add("Step time: " + (settings.time() == TimeMeasure.CPU
                ? "CPU time (the run's calibration.json names the clock: cpu_clock thread or process)" : "wall-clock")
                + " per step (results) or per operation (scaling).");
        Tolerances t = settings.tolerances();
        header.add(String.format(Locale.ROOT, "Tolerances: accuracy -%s points, perplexity +%s, step time x%s, "
                + "peak memory x%s unless it rose by %s MiB or less.", t.accuracyPoints(), t.perplexity(),
                t.timeRatio(), t.memoryRatio(), t.memoryFloorMib()));
        header.addAll(result.notes());
        doc.bullets(header);
        long regressions = result.regressionCount();
        int missing = result.onlyInBaseline().size();
        if (regressions > 0) {
            doc.paragraph("**REGRESSION: " + regressions + " of " + result.matched().size() + " matched cells are "
                    + "outside tolerance** (listed first).");
        }
        if (missing > 0) {
            doc.paragraph("**REGRESSION: " + missing + " cell(s) of the baseline are missing from the candidate** "
                    + "(listed below the table).");
        }
        List<RowPool> slowRows = result.pools().stream().filter(RowPool::regressed).toList();
        if (!slowRows.isEmpty()) {
            doc.paragraph("**REGRESSION: the step time of " + slowRows.size() + " row(s) pooled over their cells** ("
                    + String.join(", ", slowRows.stream().map(RowPool::row).toList()) + "; below the table).");
        }
        if (!result.regressed()) {
            doc.paragraph("**Within tolerance:** " + result.matched().size() + " matched cells.");
        }
        List<List<String>> rows = new ArrayList<>();
        int number = 0;
        for (CellComparison m : result.matched()) {
            number++;
            ComparableCell b = m.baseline();
            ComparableCell c = m.candidate();
            String quality = b.qualityKind() == null ? "" : b.qualityKind().label() + " " + num(b.quality()) + " -> "
                    + num(c.quality());
            rows.add(List.of(Integer.toString(number),
                    m.regressed() ? "**REGRESSION**: " + String.join("; ", m.regressions()) : "ok",
                    b.id(), b.status().equals(c.status()) ? b.status() : b.status() + " -> " + c.status(), quality,
                    m.qualityDelta() == null ? "" : String.format(Locale.ROOT, "%+.2f", m.qualityDelta()),
                    views(m.time(), m.rawTimeRatio(), settings.raw()),
                    views(m.memory(), m.rawMemoryRatio(), settings.raw()), String.join("; ", m.notes())));
        }
        doc.table(List.of("#", "verdict", "cell", "status", "quality (base -> cand)", "delta", "step time",
                "peak memory", "notes"), rows);
        pools(doc, result.pools(), settings.tolerances());
        seeds(doc, result.matched());
        oneSided(doc, "Missing from the candidate: REGRESSION", result.onlyInBaseline());
        oneSided(doc, "Only in the candidate", result.onlyInCandidate());
        return doc.toMarkdown();
    }

    /** What the header says about how the table was made. */
    record Settings(String baseline, String candidate, String reference, boolean raw, TimeMeasure time,
            Tolerances tolerances, int baselineRuns, int candidateRuns) {
    }

    private static void pools(ReportDocument doc, List<RowPool> pools, Tolerances t) {
        if (pools.isEmpty()) {
            return;
        }
        doc.heading(2, "Step time pooled per row");
        doc.paragraph(String.format(Locale.ROOT, "Geometric mean over each row's cells (tasks and seeds) of the "
                + "step-time ratio; cells below %.0f CPU-clock ticks are judged only here. Tolerance x%s.",
                RunComparator.RESOLVED_TICKS, t.pooledTimeRatio()));
        doc.table(List.of("row", "cells", "step time", "verdict"), pools.stream()
                .map(p -> List.of(p.row(), Integer.toString(p.cells()), p.judgement().describe(),
                        p.regressed() ? "**REGRESSION**: pooled step time" : p.judgement().verdict().label()))
                .toList());
    }

    /**
     * Each row's quality as mean and 95% t-interval over its seeds, where a task ran several: the separation of the
     * rows beyond seed noise. Verdicts stay per cell: baseline and candidate share each seed, so the paired
     * difference carries no seed noise.
     */
    private static void seeds(ReportDocument doc, List<CellComparison> matched) {
        Map<String, List<CellComparison>> bySeedless = new LinkedHashMap<>();
        for (CellComparison m : matched) {
            if (m.baseline().seedless() != null && m.baseline().quality() != null && m.candidate().quality() != null) {
                bySeedless.computeIfAbsent(m.baseline().seedless(), k -> new ArrayList<>()).add(m);
            }
        }
        bySeedless.values().removeIf(cells -> cells.size() < 2);
        if (bySeedless.isEmpty()) {
            return;
        }
        doc.heading(2, "Quality over seeds");
        doc.paragraph("Mean and 95% t-interval over the seeds both runs have; each seed is judged as its own cell "
                + "above.");
        List<List<String>> rows = new ArrayList<>();
        bySeedless.forEach((seedless, cells) -> rows.add(List.of(seedless, Integer.toString(cells.size()),
                interval(cells, CellComparison::baseline), interval(cells, CellComparison::candidate))));
        doc.table(List.of("cell", "seeds", "baseline", "candidate"), rows);
    }

    private static String interval(List<CellComparison> cells, Function<CellComparison, ComparableCell> side) {
        SeedInterval i = SeedInterval.overSeeds(cells.stream().mapToDouble(m -> side.apply(m).quality()).toArray());
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.mean(), i.low(), i.high());
    }

    private static void oneSided(ReportDocument doc, String title, List<ComparableCell> cells) {
        if (!cells.isEmpty()) {
            doc.heading(2, title + " (" + cells.size() + ")");
            doc.table(List.of("cell", "status"), cells.stream().map(c -> List.of(c.id(), c.status())).toList());
        }
    }

    private static String views(List<Judgement> judgements, Double raw, boolean rawMode) {
        if (judgements.isEmpty() && raw == null) {
            return "";
        }
        String main = judgements.isEmpty() ? "n/a"
                : String.join("; ", judgements.stream().map(Judgement::describe).toList());
        return rawMode || raw == null ? main : main + String.format(Locale.ROOT, " (raw x%.2f)", raw);
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
