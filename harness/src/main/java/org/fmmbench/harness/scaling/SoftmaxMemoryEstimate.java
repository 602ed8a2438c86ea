package org.fmmbench.harness.scaling;

import java.util.OptionalLong;

/**
 * Peak memory of a dense softmax cell, estimated before running it so that cells that cannot fit are recorded
 * as skipped instead of being killed (or swapping the machine) half-way through a run.
 *
 * <p>Estimate = (m B H + c) x N^2 x 4 bytes + 512 MiB: m float N x N score tensors per batch entry and head alive
 * at the peak, c N x N mask tensors shared by all heads, 512 MiB for the JVM and libtorch. DJL keeps every
 * intermediate until its NDManager scope closes, so the forward holds the scores, the scaled scores and the
 * probabilities (m = 3) and forward+backward adds their gradients (m = 5, as djl.md measured: 5.1 GiB at H=4,
 * N=8192); the causal form adds the masked scores (m + 1) and its position masks (c = 3). Measured at
 * B=1, H=2, N=4096 (one B H N^2 tensor = 128 MiB), peaks above the fork's baseline were 389 / 648 MiB
 * (fwd / fwdbwd) and 662 / 920 MiB causal, against estimated tensor terms of 384 / 640 and 704 / 960 MiB.
 * The other variants are linear in N and are not estimated.
 */
final class SoftmaxMemoryEstimate {
    static final String VARIANT = "softmax";
    static final long RUNTIME_BYTES = 512L << 20;

    private SoftmaxMemoryEstimate() {
    }

    /** The estimate for a dense softmax cell, empty for every other variant. */
    static OptionalLong bytes(ScalingCell cell) {
        if (!cell.variant().name().equals(VARIANT)) {
            return OptionalLong.empty();
        }
        double matrices = (double) perHeadMatrices(cell) * cell.batch() * cell.layout().heads() + sharedMatrices(cell);
        double bytes = matrices * cell.n() * (double) cell.n() * Float.BYTES + RUNTIME_BYTES;
        return OptionalLong.of((long) Math.min(Long.MAX_VALUE, bytes));
    }

    static String formula(ScalingCell cell) {
        return "(" + perHeadMatrices(cell) + " B*H + " + sharedMatrices(cell) + ") * N^2 * 4 B + 512 MiB";
    }

    private static int perHeadMatrices(ScalingCell cell) {
        return (cell.mode() == BenchMode.FWD ? 3 : 5) + (cell.causal() ? 1 : 0);
    }

    private static int sharedMatrices(ScalingCell cell) {
        return cell.causal() ? 3 : 0;
    }
}
