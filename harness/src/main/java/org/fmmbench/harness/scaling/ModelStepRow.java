package org.fmmbench.harness.scaling;

import org.fmmbench.baselines.attention.VariantSpec;

/**
 * One line of {@code model-step.csv}: a training step of an LRA task's paper model with one variant.
 *
 * @param n tokens per document
 */
public record ModelStepRow(String task, VariantSpec variant, int n, int batch, int documents, RowStatus status,
        CellMeasurement measurement, double estimatedMib, int threads, String detail, RunOrigin provenance) {

    /** Tokens trained per second of median step time: B x N x documents / step. */
    public double tokensPerSecond() {
        return (double) batch * n * documents / (measurement.medianMs() / 1000);
    }

    public String key() {
        return task + "|" + variant + "|" + batch;
    }
}
