package org.fmmbench.tasks;

/**
 * A seeded generator of rows for causal per-position prediction: each row has an input token and a target token
 * per position, and a mask that says where loss and accuracy count. The same seed gives the same rows in the same
 * order.
 */
public interface MaskedSequences {
    /** Tokens per row. */
    int length();

    /** Token ids are 0 .. vocabularySize() - 1, inputs and targets alike. */
    int vocabularySize();

    /**
     * Fills the next {@code rows} rows, row-major: {@code inputs} and {@code targets} are token ids, {@code mask}
     * is 1 where loss and accuracy count and 0 elsewhere. Each array must hold {@code rows * length()} values.
     */
    void fill(int rows, int[] inputs, int[] targets, float[] mask);

    /** Refuses arrays too small for {@code rows} rows of {@code length()}; returns their size in values. */
    default int checkedSize(int rows, int[] inputs, int[] targets, float[] mask) {
        int size = rows * length();
        if (inputs.length < size || targets.length < size || mask.length < size) {
            throw new IllegalArgumentException("arrays must hold " + size + " values for " + rows + " rows of "
                    + length());
        }
        return size;
    }
}
