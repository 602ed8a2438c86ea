package org.fmmbench.harness.analysis;

/**
 * One attention head's matrix for one input, analysed: the share of its weight inside the band and the singular
 * values of the whole matrix and of the remainder outside the band ({@link BandSplit}).
 */
public record HeadSpectrum(int sample, int layer, int head, int band, double bandShare, double[] full,
        double[] remainder) {
    /** Analyses the N × N attention matrix {@code a} with band width {@code band}. */
    public static HeadSpectrum of(int sample, int layer, int head, int band, double[][] a) {
        BandSplit split = BandSplit.of(a, band);
        return new HeadSpectrum(sample, layer, head, band, split.bandShare(), NumericalRank.singularValues(a),
                NumericalRank.singularValues(split.remainder()));
    }

    public int fullRank(double energy) {
        return NumericalRank.atEnergy(full, energy);
    }

    public int remainderRank(double energy) {
        return NumericalRank.atEnergy(remainder, energy);
    }

    /** N, the matrix's size (its largest possible rank). */
    public int size() {
        return full.length;
    }
}
