package org.fmmbench.harness.compare;

import java.util.List;
import java.util.Map;
import org.fmmbench.harness.results.CellResult;
import org.fmmbench.harness.results.CellStatus;

/** Turns rows of {@code results.csv} into comparable cells: one per task, row, variant, profile and seed. */
final class ResultsCells {
    /** Written by runs that hash their data; read as a column so that older files (without it) still compare. */
    static final String DATA_FINGERPRINT = "data_fingerprint";

    private ResultsCells() {
    }

    /** @param reference row name or variant spec of the reference, e.g. {@code softmax} */
    static List<ComparableCell> of(RunInput run, String reference, TimeMeasure time) {
        Map<String, String> fingerprints = run.resultsColumn(DATA_FINGERPRINT);
        return run.readResults().stream()
                .map(r -> cell(r, fingerprints.get(r.identity().cellId()), run, reference, time)).toList();
    }

    private static ComparableCell cell(CellResult r, String fingerprint, RunInput run, String reference,
            TimeMeasure time) {
        CellResult.Identity id = r.identity();
        CellResult.Metrics m = r.metrics();
        String rowLabel = id.row().equals(id.variant()) ? id.row() : id.row() + " (" + id.variant() + ")";
        String seedless = id.task() + " / " + rowLabel + " / " + id.profile();
        String key = seedless + " / seed " + id.seed();
        String group = id.task() + "|" + id.profile() + "|" + id.seed();
        boolean isReference = reference.equals(id.row()) || reference.equals(id.variant());
        ComparableCell.QualityKind kind = null;
        Double quality = null;
        if (m.testAccBest() != null) {
            kind = ComparableCell.QualityKind.ACCURACY;
            quality = m.testAccBest() * 100;
        } else if (m.testPpl() != null) {
            kind = ComparableCell.QualityKind.PERPLEXITY;
            quality = m.testPpl();
        }
        return new ComparableCell("results", key, group, isReference, r.status().label(),
                r.status() == CellStatus.OK, kind, quality, time == TimeMeasure.CPU ? m.stepCpuMsMedian()
                : m.stepMsMedian(), m.peakRssMib(), r.config().configHash(), r.config().dataFingerprint(), run.label(),
                run.calibrationMs(time), id.row(), seedless);
    }
}
