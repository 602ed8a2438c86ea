package org.fmmbench.harness.analysis;

/**
 * An attention matrix A split as the paper's Figure 1 splits it: the band {@code band_k(A)}, entries with
 * |i − j| < k (for a causal matrix: the key is at most k − 1 positions back, as the {@code band:k} variant
 * attends), and the remainder A − band_k(A), which FMMformer's far field approximates with low rank.
 */
public record BandSplit(double[][] band, double[][] remainder) {
    /** @throws IllegalArgumentException when A is not square or k < 1 */
    public static BandSplit of(double[][] a, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("band width k must be >= 1, got " + k);
        }
        int n = a.length;
        double[][] band = new double[n][n];
        double[][] remainder = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("attention matrix must be square: row " + i + " has "
                        + a[i].length + " entries, not " + n);
            }
            for (int j = 0; j < n; j++) {
                if (Math.abs(i - j) < k) {
                    band[i][j] = a[i][j];
                } else {
                    remainder[i][j] = a[i][j];
                }
            }
        }
        return new BandSplit(band, remainder);
    }

    /** Share of the matrix's total weight inside the band (1 for a softmax matrix whose rows sit in the band). */
    public double bandShare() {
        double in = 0;
        double all = 0;
        for (int i = 0; i < band.length; i++) {
            for (int j = 0; j < band.length; j++) {
                in += Math.abs(band[i][j]);
                all += Math.abs(band[i][j]) + Math.abs(remainder[i][j]);
            }
        }
        return all == 0 ? 0 : in / all;
    }
}
