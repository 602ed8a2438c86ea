package org.fmmbench.tasks.copy;

import java.util.SplittableRandom;
import org.fmmbench.tasks.MaskedSequences;

/**
 * The causal copy task of the FMMformer paper (official {@code causal-copy/main.py}, distribution re-derived
 * here): a row of length L holds n random symbols from 1..{@code symbols}, a separator (token 0), the same n
 * symbols again, then zeros; n is uniform in [L/4, (L-1)/2) (integer division, upper bound excluded). A causal
 * model predicts token t+1 at position t; the loss and accuracy count positions n-1 .. 2n-1 only, i.e. the
 * separator and the n copied symbols, as the official loss mask does. The separator's position depends on n,
 * which the model cannot know in advance, but positions before n-1 are not scored, so a model that predicts the
 * separator from position L/4 - 1 on until it appears loses nothing there: perfect accuracy is 1.
 *
 * <p>Seeded: the same seed gives the same rows in the same order.
 */
public final class CopySequences implements MaskedSequences {
    /** Separator and padding token. */
    public static final int SEPARATOR = 0;

    private final int length;
    private final int symbols;
    private final SplittableRandom random;

    /**
     * @param length L, tokens per row (the paper's 128)
     * @param symbols number of distinct symbols (the paper's 10); the vocabulary is {@code symbols + 1}
     * @throws IllegalArgumentException when L leaves no room for a sequence, its separator and its copy
     */
    public CopySequences(int length, int symbols, long seed) {
        if (length < 8) {
            throw new IllegalArgumentException("copy task length must be >= 8 (n is drawn from [L/4, (L-1)/2)), "
                    + "got " + length);
        }
        if (symbols < 2) {
            throw new IllegalArgumentException("copy task needs >= 2 symbols, got " + symbols);
        }
        this.length = length;
        this.symbols = symbols;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int vocabularySize() {
        return symbols + 1;
    }

    /** Smallest n, L/4. */
    public int minCopied() {
        return length / 4;
    }

    /** Largest n, (L-1)/2 - 1: the largest distance a copied symbol travels. */
    public int maxCopied() {
        return (length - 1) / 2 - 1;
    }

    /**
     * Fills the next {@code rows} rows, row-major: {@code inputs} and {@code targets} are token ids
     * (targets = inputs shifted left by one, 0 at the end), {@code mask} is 1 where loss and accuracy count.
     * Each array must hold {@code rows * length()} values.
     */
    @Override
    public void fill(int rows, int[] inputs, int[] targets, float[] mask) {
        int size = checkedSize(rows, inputs, targets, mask);
        java.util.Arrays.fill(inputs, 0, size, SEPARATOR);
        java.util.Arrays.fill(targets, 0, size, SEPARATOR);
        java.util.Arrays.fill(mask, 0, size, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * length;
            int n = random.nextInt(minCopied(), maxCopied() + 1);
            for (int i = 0; i < n; i++) {
                int symbol = 1 + random.nextInt(symbols);
                inputs[base + i] = symbol;
                inputs[base + n + 1 + i] = symbol;
            }
            for (int t = 0; t < length - 1; t++) {
                targets[base + t] = inputs[base + t + 1];
            }
            for (int t = n - 1; t < 2 * n; t++) {
                mask[base + t] = 1f;
            }
        }
    }
}
