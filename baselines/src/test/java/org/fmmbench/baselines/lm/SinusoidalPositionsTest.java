package org.fmmbench.baselines.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SinusoidalPositionsTest {
    @Test
    void lastTokenIsPositionZeroAndSinesPrecedeCosines() {
        int n = 5;
        int d = 8;
        float[] t = SinusoidalPositions.table(n, d);
        for (int j = 0; j < d / 2; j++) {
            assertEquals(0f, t[(n - 1) * d + j], 0f, "sin(0) in the first half");
            assertEquals(1f, t[(n - 1) * d + d / 2 + j], 0f, "cos(0) in the second half");
        }
        // first token: position n-1 = 4; channel j uses frequency 10000^(-2j/d)
        assertEquals((float) Math.sin(4.0), t[0], 1e-6f);
        assertEquals((float) Math.cos(4.0 * Math.pow(10000, -2.0 / d)), t[d / 2 + 1], 1e-6f);
    }

    @Test
    void aTokensPositionIsItsDistanceToTheWindowEndSoSlidingChangesIt() {
        int d = 16;
        int window = 6;
        float[] t = SinusoidalPositions.table(window, d);
        // stream token 3 sits at index 3 of the window [0, 6) and at index 2 of the window [1, 7)
        float first = t[3 * d + 1];
        float slid = t[2 * d + 1];
        assertNotEquals(first, slid, "a window-relative position cannot be carried over to the next window");
    }

    @Test
    void aStreamPositionIsTheTokensIndexInTheStreamWhateverTheRowStarts() {
        int d = 16;
        float[] rows = SinusoidalPositions.streamTable(new long[] {0, 3, 1_000_003}, 4, d);
        float[] paper = SinusoidalPositions.table(7, d);
        // row 1, token 2 is stream position 5, which the paper's table of 7 tokens gives to its token 1
        for (int j = 0; j < d; j++) {
            assertEquals(paper[d + j], rows[(4 + 2) * d + j], 0f);
            assertEquals(rows[3 * d + j], rows[4 * d + j], 0f, "position 3: token 3 of row 0 and token 0 of row 1");
        }
        // far into a stream the angle is still exact: position 1,000,005 at the highest frequency (1)
        assertEquals((float) Math.sin(1_000_005.0), rows[(8 + 2) * d], 1e-6f);
    }
}
