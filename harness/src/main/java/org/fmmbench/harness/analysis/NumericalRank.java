package org.fmmbench.harness.analysis;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Singular values of a matrix (Commons Math's SVD) and its numerical rank at an energy: the fewest leading singular
 * values whose squares hold that share of the squared Frobenius norm (the best rank-r approximation then leaves
 * at most 1 − energy of it).
 */
public final class NumericalRank {
    private NumericalRank() {
    }

    /** Singular values, largest first. */
    public static double[] singularValues(double[][] m) {
        return new SingularValueDecomposition(MatrixUtils.createRealMatrix(m)).getSingularValues();
    }

    /**
     * @param singularValues largest first
     * @param energy in (0, 1]
     * @return smallest r with σ_1² + … + σ_r² ≥ energy · Σσ²; 0 for the zero matrix
     */
    public static int atEnergy(double[] singularValues, double energy) {
        if (!(energy > 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy must be in (0, 1], got " + energy);
        }
        double total = 0;
        for (double s : singularValues) {
            total += s * s;
        }
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int r = 0; r < singularValues.length; r++) {
            sum += singularValues[r] * singularValues[r];
            // A relative slack so that an exactly rank-r matrix is not pushed to r + 1 by rounding.
            if (sum >= energy * total * (1 - 1e-12)) {
                return r + 1;
            }
        }
        return singularValues.length;
    }
}
