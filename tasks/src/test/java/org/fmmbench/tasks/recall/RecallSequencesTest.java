package org.fmmbench.tasks.recall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fmmbench.tasks.recall.RecallSequences.Field;
import org.junit.jupiter.api.Test;

class RecallSequencesTest {
    private static final int L = 64;
    private static final int ROWS = 50;

    private record Rows(int[] inputs, int[] targets, float[] mask) {
        static Rows of(Field field, long seed) {
            Rows r = new Rows(new int[ROWS * L], new int[ROWS * L], new float[ROWS * L]);
            new RecallSequences(field, L, seed).fill(ROWS, r.inputs, r.targets, r.mask);
            return r;
        }
    }

    @Test
    void farRowsScoreTheKeyOnlyWhereNoKeyIsWithinTwoLayersOfABandOfFive() {
        Rows r = Rows.of(Field.FAR, 1);
        int keysSeen = 0;
        for (int row = 0; row < ROWS; row++) {
            int base = row * L;
            int key = r.inputs[base];
            assertTrue(key >= 0 && key < RecallSequences.KEYS);
            keysSeen |= 1 << key;
            for (int t = 0; t < L; t++) {
                assertEquals(key, r.targets[base + t]);
                assertEquals(t >= L / 2 ? 1f : 0f, r.mask[base + t]);
                assertEquals(t < 3 * L / 8 ? key : RecallSequences.BLANK, r.inputs[base + t]);
                if (r.mask[base + t] == 1f) {
                    for (int back = 0; back <= 8 && back <= t; back++) {
                        assertEquals(RecallSequences.BLANK, r.inputs[base + t - back], "a band reaches " + back);
                    }
                }
            }
        }
        assertEquals(0b1111, keysSeen, "every key occurs");
    }

    @Test
    void nearTargetsAreTheMajorityOfTheLastFiveSymbols() {
        Rows r = Rows.of(Field.NEAR, 2);
        int ones = 0;
        int scored = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int t = L / 2; t < L; t++) {
                int i = row * L + t;
                int count = 0;
                for (int back = 0; back < RecallSequences.WINDOW; back++) {
                    count += r.inputs[i - back] == RecallSequences.ONE ? 1 : 0;
                }
                assertEquals(count >= 3 ? RecallSequences.ONE : RecallSequences.BLANK, r.targets[i]);
                assertEquals(1f, r.mask[i]);
                ones += count >= 3 ? 1 : 0;
                scored++;
            }
        }
        assertEquals(0.5, (double) ones / scored, 0.05, "chance is one in two");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        assertArrayEquals(Rows.of(Field.NEAR, 7).inputs, Rows.of(Field.NEAR, 7).inputs);
        assertTrue(!java.util.Arrays.equals(Rows.of(Field.NEAR, 7).inputs, Rows.of(Field.NEAR, 8).inputs));
    }

    @Test
    void aRowTooShortForTheBandToFallShortIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecallSequences(Field.FAR, 15, 0));
        assertTrue(e.getMessage().contains(">= 16"), e.getMessage());
    }
}
