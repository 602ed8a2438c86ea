package org.fmmbench.harness.train;

import org.fmmbench.tasks.MaskedSequences;
import org.fmmbench.tasks.copy.CopySequences;

/**
 * The paper's causal copy task ({@link CopySequences}), trained as the official {@code causal-copy} driver does
 * ({@link MaskedSequenceWorkload}). The model differs from the official copy model, which concatenates a d/2
 * position code to a d/2 embedding and has a separate output layer and a final LayerNorm (docs/experiments.md).
 */
public final class CopyWorkload extends MaskedSequenceWorkload {
    public static final String TASK = "copy";
    /** The paper's number of symbols. */
    static final int SYMBOLS = 10;
    static final int PAPER_LENGTH = 128;
    /** The official 30 of 100 epochs before the learning rate drops tenfold. */
    static final double DROP_FRACTION = 0.3;

    @Override
    public String task() {
        return TASK;
    }

    @Override
    protected int defaultLength() {
        return PAPER_LENGTH;
    }

    @Override
    protected double dropFraction() {
        return DROP_FRACTION;
    }

    @Override
    protected MaskedSequences rows(int length, long seed) {
        return new CopySequences(length, SYMBOLS, seed);
    }
}
