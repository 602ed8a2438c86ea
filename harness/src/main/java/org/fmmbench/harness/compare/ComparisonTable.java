package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fmmbench.harness.report.SeedInterval;

/**
 * Renders a {@link ComparisonResult} as Markdown: verdict, one table with regressions first, each row's pooled step
 * time, quality over seeds, one-sided cells.
 */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String markdown(ComparisonResult result, Settings settings) {
        StringBuilder md = new StringBuilder("# fmmbench compare\n\n");
        md.append("- Baseline: `").append(settings.baseline()).append("`\n");
        md.append("- Candidate: `").append(settings.candidate()).append("`\n");
        md.append("- Ratios are candidate / baseline, ").append(settings.raw() ? "raw (not normalised)"
                : "in two views: *normalised*, each value divided by that of the reference `" + settings.reference()
                        + "` of the same run at the same task and seed (results) or size (scaling), and "
                        + "*calibrated* (step time), divided by the run's calibration workload; either view can "
                        + "fail a cell").append(".\n");
        md.append(String.format(Locale.ROOT, "- Repeats: %d baseline and %d candidate run(s). Where the baseline "
                + "has %d or more, a cell's step time and memory are judged by a %.0f%% bootstrap interval "
                + "[lower, upper] (regression / improvement / inconclusive; detectable = the smallest change it "
                + "can tell from noise); the tolerances below apply only without repeats.%n",
                settings.baselineRuns(), settings.candidateRuns(), Bootstrap.MIN_REPEATS,
                RunComparator.LEVEL * 100));
        md.append("- Step time: ").append(settings.time() == TimeMeasure.CPU ? "process CPU time" : "wall-clock")
                .append(" per step (results) or per operation (scaling).\n");
        Tolerances t = settings.tolerances();
        md.append(String.format(Locale.ROOT, "- Tolerances: accuracy -%s points, perplexity +%s, step time x%s, "
                + "peak memory x%s unless it rose by %s MiB or less.%n", t.accuracyPoints(), t.perplexity(),
                t.timeRatio(), t.memoryRatio(), t.memoryFloorMib()));
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        md.append('\n');
        long regressions = result.regressionCount();
        int missing = result.onlyInBaseline().size();
        if (regressions > 0) {
            md.append("**REGRESSION: " + regressions + " of " + result.matched().size() + " matched cells are outside "
                    + "tolerance** (listed first).\n\n");
        }
        if (missing > 0) {
            md.append("**REGRESSION: " + missing + " cell(s) of the baseline are missing from the candidate** "
                    + "(listed below the table).\n\n");
        }
        List<RowPool> slowRows = result.pools().stream().filter(RowPool::regressed).toList();
        if (!slowRows.isEmpty()) {
            md.append("**REGRESSION: the step time of " + slowRows.size() + " row(s) pooled over their cells** ("
                    + String.join(", ", slowRows.stream().map(RowPool::row).toList()) + "; below the table).\n\n");
        }
        if (!result.regressed()) {
            md.append("**Within tolerance:** " + result.matched().size() + " matched cells.\n\n");
        }

        md.append("| # | verdict | cell | status | quality (base -> cand) | delta | step time | peak memory | notes |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        int number = 0;
        for (CellComparison m : result.matched()) {
            number++;
            ComparableCell b = m.baseline();
            ComparableCell c = m.candidate();
            String quality = b.qualityKind() == null ? "" : b.qualityKind().label() + " " + num(b.quality()) + " -> "
                    + num(c.quality());
            row(md, Integer.toString(number), m.regressed() ? "**REGRESSION**: " + String.join("; ", m.regressions()) : "ok",
                    b.id(), b.status().equals(c.status()) ? b.status() : b.status() + " -> " + c.status(), quality,
                    m.qualityDelta() == null ? "" : String.format(Locale.ROOT, "%+.2f", m.qualityDelta()),
                    views(m.time(), m.rawTimeRatio(), settings.raw()),
                    views(m.memory(), m.rawMemoryRatio(), settings.raw()), String.join("; ", m.notes()));
        }
        pools(md, result.pools(), settings.tolerances());
        seeds(md, result.matched());
        oneSided(md, "Missing from the candidate: REGRESSION", result.onlyInBaseline());
        oneSided(md, "Only in the candidate", result.onlyInCandidate());
        return md.toString();
    }

    /** What the header says about how the table was made. */
    record Settings(String baseline, String candidate, String reference, boolean raw, TimeMeasure time,
            Tolerances tolerances, int baselineRuns, int candidateRuns) {
    }

    private static void pools(StringBuilder md, List<RowPool> pools, Tolerances t) {
        if (pools.isEmpty()) {
            return;
        }
        md.append("\n## Step time pooled per row\n\n");
        md.append(String.format(Locale.ROOT, "Geometric mean over each row's cells (tasks and seeds) of the step-time "
                + "ratio; cells below %.0f CPU-clock ticks are judged only here. Tolerance x%s.%n%n",
                RunComparator.RESOLVED_TICKS, t.pooledTimeRatio()));
        md.append("| row | cells | step time | verdict |\n|---|---|---|---|\n");
        for (RowPool p : pools) {
            row(md, p.row(), Integer.toString(p.cells()), p.judgement().describe(),
                    p.regressed() ? "**REGRESSION**: pooled step time" : p.judgement().verdict().label());
        }
    }

    /**
     * Each row's quality as mean and 95% t-interval over its seeds, where a task ran several: the separation of the
     * rows beyond seed noise. Verdicts stay per cell: baseline and candidate share each seed, so the paired
     * difference carries no seed noise.
     */
    private static void seeds(StringBuilder md, List<CellComparison> matched) {
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
        md.append("\n## Quality over seeds\n\nMean and 95% t-interval over the seeds both runs have; each seed is "
                + "judged as its own cell above.\n\n| cell | seeds | baseline | candidate |\n|---|---|---|---|\n");
        bySeedless.forEach((seedless, cells) -> row(md, seedless, Integer.toString(cells.size()),
                interval(cells, CellComparison::baseline), interval(cells, CellComparison::candidate)));
    }

    private static String interval(List<CellComparison> cells, Function<CellComparison, ComparableCell> side) {
        SeedInterval i = SeedInterval.overSeeds(cells.stream().mapToDouble(m -> side.apply(m).quality()).toArray());
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.mean(), i.low(), i.high());
    }

    private static void oneSided(StringBuilder md, String title, List<ComparableCell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append(" (").append(cells.size()).append(")\n\n");
        md.append("| cell | status |\n|---|---|\n");
        for (ComparableCell c : cells) {
            row(md, c.id(), c.status());
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

    private static void row(StringBuilder md, String... cells) {
        List<String> escaped = new ArrayList<>();
        for (String c : cells) {
            escaped.add(c.replace("|", "\\|").replace("\n", " "));
        }
        md.append("| ").append(String.join(" | ", escaped)).append(" |\n");
    }
}
