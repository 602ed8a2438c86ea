package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The near field: softmax restricted to a band around the diagonal, in O(N k) time and memory.
 *
 * <p>Band semantics follow the official code's {@code diag_size} k: non-causal queries see keys with
 * |i - j| &lt;= k - 1, causal queries the k keys i - k + 1 .. i. Queries are cut into blocks of b &gt;= k - 1
 * rows; each block attends to its own keys plus the k - 1 keys on either side (causal: before), gathered
 * with a few slices of the block-reshaped keys. One batched matMul gives scores of shape (B, H, N/b, b, W)
 * with W = b + 2(k - 1) (causal b + k - 1), so no N x N array exists in forward or backward. The relative
 * offset of a key slot to a query row is the same in every block, so one constant (b, W) bias masks the band.
 */
final class BandedSoftmax {
    /** Preferred rows per block; a wider band forces larger blocks. Chosen by timing b = 8..64 (docs/attn.md). */
    static final int PREFERRED_BLOCK = 16;

    private BandedSoftmax() {}

    /**
     * Near-field output (B, H, N, d).
     *
     * @param band the official {@code diag_size} k &gt;= 1
     */
    static NDArray attend(AttentionInputs in, int band, float dropout, boolean training) {
        boolean causal = in.settings().causal();
        long n = in.length();
        long d = in.headDim();
        // A band reaching past either end of the sequence is the same as one that just reaches it.
        int halo = (int) Math.min(band, n) - 1;
        int b = (int) Math.max(halo, Math.min(PREFERRED_BLOCK, n));
        long blocks = (n + b - 1) / b;
        long tail = blocks * b - n;
        long before = b;
        long after = causal ? tail : tail + b;
        long keyBlocks = blocks + (causal ? 1 : 2);

        NDArray q = in.q().pad(new Shape(0, 0, 0, tail), 0).reshape(in.batch(), in.heads(), blocks, b, d);
        NDArray k = windows(in.k().pad(new Shape(0, 0, before, after), 0)
                .reshape(in.batch(), in.heads(), keyBlocks, b, d), blocks, b, halo, causal);
        NDArray v = windows(in.v().pad(new Shape(0, 0, before, after), 0)
                .reshape(in.batch(), in.heads(), keyBlocks, b, d), blocks, b, halo, causal);

        NDArray scores = SoftmaxScores.scale(q.matMul(k.swapAxes(3, 4)), d, causal);
        NDArray probabilities = scores.add(bias(in, b, halo, blocks, before, after, keyBlocks)).softmax(-1);
        probabilities = SoftmaxScores.dropout(probabilities, dropout, training);
        NDArray out = probabilities.matMul(v).reshape(in.batch(), in.heads(), blocks * b, d);
        return tail == 0 ? out : out.get(":, :, :{}", n);
    }

    /**
     * The keys (or values) each query block may see: the last {@code halo} rows of the previous block, the
     * block itself and, non-causally, the first {@code halo} rows of the next. Input (.., blocks + 1 or 2, b, x)
     * with one block of padding in front; output (.., blocks, W, x).
     */
    private static NDArray windows(NDArray blocked, long blocks, int b, int halo, boolean causal) {
        NDList parts = new NDList(3);
        if (halo > 0) {
            parts.add(blocked.get(":, :, 0:{}, {}:", blocks, b - halo));
        }
        parts.add(blocked.get(":, :, 1:{}", blocks + 1));
        if (halo > 0 && !causal) {
            parts.add(blocked.get(":, :, 2:{}, :{}", blocks + 2, halo));
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 3);
    }

    /**
     * Additive bias (B or 1, 1, blocks, b, W): 0 for a real key in the band, -1e6 for a padded key in the band
     * (exactly as the dense reference adds it) and about -1e9 for keys outside the band or the sequence.
     */
    private static NDArray bias(AttentionInputs in, int b, int halo, long blocks, long before, long after,
            long keyBlocks) {
        boolean causal = in.settings().causal();
        NDArray keyBias;
        if (in.keyMask() != null) {
            keyBias = SoftmaxScores.paddingBias(in.keyMask())
                    .pad(new Shape(before, after), SoftmaxScores.OUTSIDE)
                    .reshape(in.batch(), 1, keyBlocks, b);
        } else {
            float[] outside = new float[(int) (keyBlocks * b)];
            for (int j = 0; j < outside.length; j++) {
                outside[j] = j < before || j >= before + in.length() ? SoftmaxScores.OUTSIDE : 0f;
            }
            keyBias = in.q().getManager().create(outside, new Shape(1, 1, keyBlocks, b));
        }
        keyBias = windows(keyBias, blocks, b, halo, causal).expandDims(3);
        return keyBias.add(bandBias(in, b, halo, causal));
    }

    /** (b, W): slot t of the window holds the key at offset t - halo - r from query row r. */
    private static NDArray bandBias(AttentionInputs in, int b, int halo, boolean causal) {
        int width = b + (causal ? halo : 2 * halo);
        float[] bias = new float[b * width];
        for (int r = 0; r < b; r++) {
            for (int t = 0; t < width; t++) {
                int offset = t - halo - r;
                boolean inBand = causal ? offset <= 0 && offset >= -halo : Math.abs(offset) <= halo;
                bias[r * width + t] = inBand ? 0f : SoftmaxScores.OUTSIDE;
            }
        }
        return in.q().getManager().create(bias, new Shape(b, width));
    }
}
