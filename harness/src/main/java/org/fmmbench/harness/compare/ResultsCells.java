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
        return run.readResults().stream().map(r -> cell(r, fingerprints.get(r.cellId()), run, reference, time))
                .toList();
    }

    private static ComparableCell cell(CellResult r, String fingerprint, RunInput run, String reference,
            TimeMeasure time) {
        String rowLabel = r.row().equals(r.variant()) ? r.row() : r.row() + " (" + r.variant() + ")";
        String seedless = r.task() + " / " + rowLabel + " / " + r.profile();
        String key = seedless + " / seed " + r.seed();
        String group = r.task() + "|" + r.profile() + "|" + r.seed();
        boolean isReference = reference.equals(r.row()) || reference.equals(r.variant());
        ComparableCell.QualityKind kind = null;
        Double quality = null;
        if (r.testAccBest() != null) {
            kind = ComparableCell.QualityKind.ACCURACY;
            quality = r.testAccBest() * 100;
        } else if (r.testPpl() != null) {
            kind = ComparableCell.QualityKind.PERPLEXITY;
            quality = r.testPpl();
        }
        return new ComparableCell("results", key, group, isReference, r.status().label(),
                r.status() == CellStatus.OK, kind, quality, time == TimeMeasure.CPU ? r.stepCpuMsMedian() : r.stepMsMedian(),
                r.peakRssMib(), r.configHash(), r.dataFingerprint(), run.label(), run.calibrationMs(time), r.row(), seedless);
    }
}
