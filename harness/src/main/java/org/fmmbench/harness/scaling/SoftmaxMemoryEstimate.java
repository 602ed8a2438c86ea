package org.fmmbench.harness.scaling;

import java.util.OptionalLong;

/**
 * Peak memory of a dense softmax cell, estimated before running it so that cells that cannot fit are recorded
 * as skipped instead of being killed (or swapping the machine) half-way through a run.
 *
 * <p>Estimate = m x (B H N^2 x 4 bytes) + 512 MiB, where B H N^2 x 4 bytes is one float N x N score tensor,
 * m the number of such tensors alive at the peak, and 512 MiB the JVM and libtorch. DJL keeps every
 * intermediate until its NDManager scope closes, so the forward holds the scores, the scaled scores and the
 * probabilities (m = 3); forward+backward adds their gradients, and the measured peak is 5 x N^2 tensors
 * (djl.md: 1298 MiB at H=4, N=4096, 5.1 GiB at N=8192), so m = 5. The other variants are linear in N and are
 * not estimated.
 */
final class SoftmaxMemoryEstimate {
    static final String VARIANT = "softmax";
    static final int FORWARD_MATRICES = 3;
    static final int FORWARD_BACKWARD_MATRICES = 5;
    static final long RUNTIME_BYTES = 512L << 20;

    private SoftmaxMemoryEstimate() {
    }

    /** The estimate for a dense softmax cell, empty for every other variant. */
    static OptionalLong bytes(ScalingCell cell) {
        if (!cell.variant().name().equals(VARIANT)) {
            return OptionalLong.empty();
        }
        int matrices = cell.mode() == BenchMode.FWD ? FORWARD_MATRICES : FORWARD_BACKWARD_MATRICES;
        double matrixBytes = (double) cell.batch() * cell.layout().heads() * cell.n() * (double) cell.n() * Float.BYTES;
        return OptionalLong.of((long) Math.min(Long.MAX_VALUE, matrices * matrixBytes + RUNTIME_BYTES));
    }

    static String formula(ScalingCell cell) {
        int matrices = cell.mode() == BenchMode.FWD ? FORWARD_MATRICES : FORWARD_BACKWARD_MATRICES;
        return matrices + " x B*H*N^2*4 B + 512 MiB";
    }
}
