package org.fmmbench.tasks.recall;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fmmbench.tasks.MaskedSequences;

/**
 * Two recall tasks that separate the two halves of FMMformer attention (issue #15): each needs one field, so a
 * variant that lost either half fails one of them. Both are solved by attention that is near uniform over the
 * right span (as a fresh model's is), so they are learnt within a few hundred steps of a tiny model on one thread.
 *
 * <ul>
 *   <li>{@link Field#FAR}: the first 3L/8 positions hold one key (one of {@value #KEYS}), the rest a blank; the
 *       target at every position is the key. Scored are the positions from L/2 on, at least L/8 + 1
 *       positions after the last key, beyond what a stack of narrow bands reaches (causal {@code band:k=K} reaches
 *       K - 1 back per layer: two layers of k=5 reach 8; at L = 64 the nearest key is 9 back), so band-only
 *       attention stays at chance (1 in {@value #KEYS}), while for a global field the key is over a third of
 *       everything before a scored position: even an average over the prefix (a low-rank field) carries it.</li>
 *   <li>{@link Field#NEAR}: every position holds one of two symbols (the blank or {@link #ONE}) at random; the target at position t is the
 *       majority symbol of the window t - {@value #WINDOW} + 1 .. t (an odd window: no ties). A band of
 *       {@value #WINDOW} (the smoke profile's k) averages exactly that window; a global field averages the whole
 *       prefix, of which the window is a small part at the scored positions (from L/2 on), so it only guesses from
 *       the prefix's majority. Chance is 1 in 2; the current symbol alone (no attention) is the majority in 11 of
 *       16 windows.</li>
 * </ul>
 * Keys are tokens 0..3, the blank 4 and {@link #ONE} 5: the far task's key is found by content, and a far row's
 * average carries nothing but its key.
 */
public final class RecallSequences implements MaskedSequences {
    /** Which field a task needs. */
    public enum Field { FAR, NEAR }

    public static final int KEYS = 4;
    public static final int BLANK = KEYS;
    public static final int ONE = KEYS + 1;
    /** Width of the near task's window, the smoke profile's band. */
    public static final int WINDOW = 5;

    private final Field field;
    private final int length;
    private final SplittableRandom random;

    /**
     * @param length L; for the far task to defeat a stack of bands, L/8 must exceed their reach (layers x (k - 1)):
     *     the smoke profile's one layer of k=5 reaches 4, two would reach 8, and it uses L = 64
     * @throws IllegalArgumentException when L is below 16 (too short for a key span, a gap and a scored half)
     */
    public RecallSequences(Field field, int length, long seed) {
        if (length < 16) {
            throw new IllegalArgumentException("recall task length must be >= 16, got " + length);
        }
        this.field = field;
        this.length = length;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int vocabularySize() {
        return ONE + 1;
    }

    /** First scored position: L/2. */
    public int firstScored() {
        return length / 2;
    }

    @Override
    public void fill(int rows, int[] inputs, int[] targets, float[] mask) {
        int size = checkedSize(rows, inputs, targets, mask);
        Arrays.fill(mask, 0, size, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * length;
            if (field == Field.FAR) {
                int key = random.nextInt(KEYS);
                for (int t = 0; t < length; t++) {
                    inputs[base + t] = t < 3 * length / 8 ? key : BLANK;
                }
                Arrays.fill(targets, base, base + length, key);
            } else {
                int ones = 0;
                for (int t = 0; t < length; t++) {
                    int bit = random.nextInt(2);
                    inputs[base + t] = bit == 1 ? ONE : BLANK;
                    ones += bit - (t >= WINDOW && inputs[base + t - WINDOW] == ONE ? 1 : 0);
                    targets[base + t] = 2 * ones > Math.min(t + 1, WINDOW) ? ONE : BLANK;
                }
            }
            Arrays.fill(mask, base + firstScored(), base + length, 1f);
        }
    }
}
