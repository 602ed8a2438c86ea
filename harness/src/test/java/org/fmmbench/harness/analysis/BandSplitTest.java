package org.fmmbench.harness.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandSplitTest {
    private static final int N = 24;
    private static final int K = 4;

    /**
     * A known causal band (the key at most K − 1 back, a positive diagonal, so A is lower triangular and full
     * rank) plus a known rank-2 remainder: u1 v1ᵀ + u2 v2ᵀ on rows ≥ N/2 and columns < N/2 − K, all outside the
     * band. Fills {@code band} and {@code remainder} and returns their sum.
     */
    private static double[][] bandPlusRankTwo(double[][] band, double[][] remainder) {
        Random random = new Random(7);
        double[][] u = new double[2][N];
        double[][] v = new double[2][N];
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < N; i++) {
                u[r][i] = random.nextGaussian();
                v[r][i] = random.nextGaussian();
            }
        }
        double[][] a = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                if (j <= i && i - j < K) {
                    band[i][j] = 1 + random.nextDouble();
                } else if (i >= N / 2 && j < N / 2 - K) {
                    remainder[i][j] = u[0][i] * v[0][j] + u[1][i] * v[1][j];
                }
                a[i][j] = band[i][j] + remainder[i][j];
            }
        }
        return a;
    }

    @Test
    void splitReturnsTheKnownBandAndTheKnownRemainder() {
        double[][] band = new double[N][N];
        double[][] remainder = new double[N][N];
        BandSplit split = BandSplit.of(bandPlusRankTwo(band, remainder), K);

        for (int i = 0; i < N; i++) {
            assertArrayEquals(band[i], split.band()[i], 0.0, "band row " + i);
            assertArrayEquals(remainder[i], split.remainder()[i], 0.0, "remainder row " + i);
        }
    }

    @Test
    void theRemainderOfABandPlusRankTwoMatrixHasRankTwoWhileTheWholeMatrixIsFullRank() {
        double[][] a = bandPlusRankTwo(new double[N][N], new double[N][N]);
        BandSplit split = BandSplit.of(a, K);

        assertEquals(2, NumericalRank.atEnergy(NumericalRank.singularValues(split.remainder()), 0.999999));
        assertEquals(N, NumericalRank.atEnergy(NumericalRank.singularValues(a), 0.999999));
    }

    @Test
    void aBandOneWiderMovesTheFirstOffDiagonalOutOfTheRemainder() {
        double[][] a = new double[3][3];
        a[1][0] = 0.5;
        a[2][0] = 0.25;
        assertEquals(0.5, BandSplit.of(a, 1).remainder()[1][0]);
        assertEquals(0.0, BandSplit.of(a, 2).remainder()[1][0]);
        assertEquals(0.25, BandSplit.of(a, 2).remainder()[2][0]);
        assertEquals(0.5 / 0.75, BandSplit.of(a, 2).bandShare(), 1e-12);
    }

    @Test
    void energyRankCountsTheLeadingSingularValuesThatHoldTheShare() {
        double[] s = {3, 2, 1, 0};
        // Squares 9, 4, 1: 9/14 = 0.64, 13/14 = 0.93, 14/14 = 1.
        assertEquals(1, NumericalRank.atEnergy(s, 0.6));
        assertEquals(2, NumericalRank.atEnergy(s, 0.9));
        assertEquals(3, NumericalRank.atEnergy(s, 0.99));
        assertEquals(0, NumericalRank.atEnergy(new double[] {0, 0}, 0.99));
    }

    @Test
    void aNonSquareMatrixOrAnEmptyBandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BandSplit.of(new double[][] {{1, 2}}, 1));
        assertThrows(IllegalArgumentException.class, () -> BandSplit.of(new double[2][2], 0));
    }
}
