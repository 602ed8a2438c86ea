package org.fmmbench.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fmmbench.harness.results.ReportDocument;

/** Renders a {@link ComparisonResult} as Markdown: verdict, one table with regressions first, one-sided cells. */
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
        header.add("Step time: " + (settings.time() == TimeMeasure.CPU ? "process CPU time" : "wall-clock")
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
        oneSided(doc, "Missing from the candidate: REGRESSION", result.onlyInBaseline());
        oneSided(doc, "Only in the candidate", result.onlyInCandidate());
        return doc.toMarkdown();
    }

    /** What the header says about how the table was made. */
    record Settings(String baseline, String candidate, String reference, boolean raw, TimeMeasure time,
            Tolerances tolerances, int baselineRuns, int candidateRuns) {
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
