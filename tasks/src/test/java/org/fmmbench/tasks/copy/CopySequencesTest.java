package org.fmmbench.tasks.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopySequencesTest {
    private static final int L = 128;
    private static final int ROWS = 200;

    @Test
    void everyRowIsASequenceASeparatorAndItsCopy() {
        CopySequences copy = new CopySequences(L, 10, 7);
        int[] x = new int[ROWS * L];
        int[] y = new int[ROWS * L];
        float[] m = new float[ROWS * L];
        copy.fill(ROWS, x, y, m);
        Set<Integer> lengths = new HashSet<>();
        for (int r = 0; r < ROWS; r++) {
            int b = r * L;
            int n = 0;
            while (x[b + n] != CopySequences.SEPARATOR) {
                assertTrue(x[b + n] >= 1 && x[b + n] <= 10, "symbols are 1..10");
                n++;
            }
            lengths.add(n);
            assertTrue(n >= L / 4 && n < (L - 1) / 2, "n in [L/4, (L-1)/2), got " + n);
            for (int i = 0; i < n; i++) {
                assertEquals(x[b + i], x[b + n + 1 + i], "copy of symbol " + i);
            }
            for (int t = 2 * n + 1; t < L; t++) {
                assertEquals(0, x[b + t], "zeros after the copy");
            }
            for (int t = 0; t < L; t++) {
                assertEquals(t + 1 < L ? x[b + t + 1] : 0, y[b + t], "target is the next token");
                boolean counted = t >= n - 1 && t <= 2 * n - 1;
                assertEquals(counted ? 1f : 0f, m[b + t], "mask covers the separator and the copy, t=" + t);
            }
        }
        assertTrue(lengths.contains(L / 4) && lengths.contains((L - 1) / 2 - 1),
                "both ends of the n range occur in 200 rows: " + lengths);
    }

    @Test
    void sameSeedGivesSameRowsAndAnotherSeedOthers() {
        int[] a = rows(3);
        assertArrayEquals(a, rows(3));
        assertFalse(java.util.Arrays.equals(a, rows(4)));
    }

    @Test
    void tooShortALengthIsRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CopySequences(4, 10, 0));
        assertTrue(e.getMessage().contains("length must be >= 8"), e.getMessage());
    }

    private static int[] rows(long seed) {
        int[] x = new int[8 * L];
        new CopySequences(L, 10, seed).fill(8, x, new int[8 * L], new float[8 * L]);
        return x;
    }
}
