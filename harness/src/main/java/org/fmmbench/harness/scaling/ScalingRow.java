package org.fmmbench.harness.scaling;

/**
 * One line of {@code scaling.csv}: a cell, its outcome and what was measured (NaN where nothing was).
 *
 * @param estimatedMib the softmax memory estimate (NaN for variants that are not estimated)
 * @param detail why a cell was skipped or failed; empty when it ran
 * @param roofline the variant's declared cost under the run's calibrated ceilings ({@link Roofline#UNKNOWN} if none)
 */
public record ScalingRow(ScalingCell cell, RowStatus status, CellMeasurement measurement, double estimatedMib,
        int threads, String detail, RunOrigin provenance, Roofline roofline) {

    static final CellMeasurement NOTHING =
            new CellMeasurement(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static ScalingRow ok(ScalingCell cell, CellMeasurement m, double estimatedMib, int threads, RunOrigin p) {
        return new ScalingRow(cell, RowStatus.OK, m, estimatedMib, threads, "", p, Roofline.UNKNOWN);
    }

    public static ScalingRow skipped(ScalingCell cell, double estimatedMib, String detail, int threads, RunOrigin p) {
        return new ScalingRow(cell, RowStatus.SKIPPED_OOM, NOTHING, estimatedMib, threads, detail, p, Roofline.UNKNOWN);
    }

    public static ScalingRow failed(ScalingCell cell, double estimatedMib, String detail, int threads, RunOrigin p) {
        return new ScalingRow(cell, RowStatus.FAILED, NOTHING, estimatedMib, threads, detail, p, Roofline.UNKNOWN);
    }

    public ScalingRow withRoofline(Roofline r) {
        return new ScalingRow(cell, status, measurement, estimatedMib, threads, detail, provenance, r);
    }

    public boolean ok() {
        return status == RowStatus.OK;
    }
}
