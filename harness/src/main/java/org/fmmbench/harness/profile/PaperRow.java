package org.fmmbench.harness.profile;

/**
 * A row of the results table: a short label and the attention variant spec it runs.
 *
 * @param row label, e.g. {@code fmm2_band5}; for variants given on the command line, the spec itself
 * @param variant spec understood by {@code VariantRegistry}, e.g. {@code band:k=5}
 */
public record PaperRow(String row, String variant) {
}
