package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The near field: softmax restricted to a band around the diagonal, in O(N k) time and memory.
 *
 * <p>Band semantics follow the official code's {@code diag_size} k: non-causal queries see keys with
 * |i - j| &lt;= k - 1, causal queries the k keys i - k + 1 .. i. Queries are cut into blocks of b &gt;= k - 1
 * rows; each block attends to its own keys plus the k - 1 keys on either side (causal: before), gathered in
 * one embedding lookup. One batched matMul gives scores of shape (B, H, N/b, b, W) with W = b + 2(k - 1)
 * (causal b + k - 1), so no N x N array exists in forward or backward. The relative offset of a key slot to a
 * query row is the same in every block, so one constant (b, W) bias masks the band. A single lookup (backward:
 * one row-wise scatter-add) replaced padding plus slices plus concat, whose backward filled and copied several
 * full-size arrays (two thirds of the near field's time in a profile); building the windows from padded
 * prev/current/next block views was measured again and was 1.5 times slower than the gather.
 */
final class BandedSoftmax {
    /** Preferred rows per block; a wider band forces larger blocks. Chosen by timing b = 8..64 (README "Attention variants"). */
    static final int PREFERRED_BLOCK = 16;
    private static final String RECENT_KEYS = "near.keys";
    private static final String RECENT_VALUES = "near.values";

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
        int blocks = (int) ((n + b - 1) / b);
        long tail = (long) blocks * b - n;
        int width = b + (causal ? halo : 2 * halo);
        Window window = new Window(in, blocks, b, halo, width);

        NDArray q = tail == 0 ? in.q() : in.q().pad(new Shape(0, 0, 0, tail), 0);
        q = q.reshape(in.batch(), in.heads(), blocks, b, d);
        NDArray rows = window.tableRows(in);
        NDArray k = window.select(in.k(), rows);
        NDArray v = window.select(in.v(), rows);

        // In place: the scores are read by nothing but the next op, so no (B, H, N/b, b, W) copies are kept.
        NDArray scores = SoftmaxScores.scaleInPlace(q.matMul(k.swapAxes(3, 4)), d, causal);
        NDArray probabilities = scores.addi(window.bias(in, causal)).softmax(-1);
        probabilities = SoftmaxScores.dropout(probabilities, dropout, training);
        NDArray out = probabilities.matMul(v).reshape(in.batch(), in.heads(), (long) blocks * b, d);
        return tail == 0 ? out : out.get(":, :, :{}", n);
    }

    /**
     * Causal near field of the next C positions of a stream, (B, H, C, d), for {@link RecurrentAttention}. The keys
     * and values of the last k - 1 earlier positions, kept in {@code state}, are put in front of the chunk (with
     * zero queries whose outputs are dropped), so every query sees exactly its k keys; the state then keeps the
     * last k - 1 positions of the joined sequence.
     */
    static NDArray attendNext(AttentionInputs in, int band, AttentionState state) {
        NDArray keys = state.get(RECENT_KEYS);
        long kept = keys == null ? 0 : keys.getShape().get(2);
        AttentionInputs joined = in;
        if (kept > 0) {
            NDManager chunk = in.q().getManager();
            // Joined in the chunk's manager: the result of an op belongs to its first operand's manager.
            NDArray k = keys.concat(in.k(), 2);
            NDArray v = state.get(RECENT_VALUES).concat(in.v(), 2);
            k.attach(chunk);
            v.attach(chunk);
            NDArray q = chunk.zeros(keys.getShape(), in.q().getDataType()).concat(in.q(), 2);
            joined = new AttentionInputs(q, k, v, null, in.settings());
        }
        NDArray out = attend(joined, band, 0f, false);
        long total = joined.length();
        long keep = Math.min(band - 1, total);
        if (keep > 0) {
            state.put(RECENT_KEYS, joined.k().get(":, :, {}:", total - keep));
            state.put(RECENT_VALUES, joined.v().get(":, :, {}:", total - keep));
        }
        return kept == 0 ? out : out.get(":, :, {}:", kept);
    }

    /**
     * The keys each query block sees: block c of b queries starting at cb sees positions cb - halo + t for
     * t = 0 .. W-1. Positions outside 0 .. N-1 are clamped to the nearest real key (so no padding copy is needed)
     * and switched off by the bias; a switched-off slot gets probability exactly 0, so neither the output nor the
     * gradient of the duplicated key changes.
     */
    private static final class Window {
        /** (blocks, W): window slot positions clamped into 0 .. N-1, row-major. */
        final long[] clamped;
        final float[] outside;
        final int blocks;
        final int b;
        final int halo;
        final int width;

        Window(AttentionInputs in, int blocks, int b, int halo, int width) {
            this.blocks = blocks;
            this.b = b;
            this.halo = halo;
            this.width = width;
            long n = in.length();
            clamped = new long[blocks * width];
            outside = new float[blocks * width];
            for (int c = 0; c < blocks; c++) {
                for (int t = 0; t < width; t++) {
                    long position = (long) c * b - halo + t;
                    clamped[c * width + t] = Math.max(0, Math.min(n - 1, position));
                    outside[c * width + t] = position < 0 || position >= n ? SoftmaxScores.OUTSIDE : 0f;
                }
            }
        }

        /** For each of the B H sequences, the window positions as rows of the (B H N, d) table of all keys. */
        NDArray tableRows(AttentionInputs in) {
            int sequences = (int) (in.batch() * in.heads());
            long n = in.length();
            long[] rows = new long[sequences * clamped.length];
            for (int s = 0; s < sequences; s++) {
                for (int i = 0; i < clamped.length; i++) {
                    rows[s * clamped.length + i] = s * n + clamped[i];
                }
            }
            return in.q().getManager().create(rows, new Shape(in.batch(), in.heads(), blocks, width));
        }

        /**
         * The window rows of x (B, H, N, d) as (B, H, blocks, W, d): an embedding lookup of {@code rows}
         * (B, H, blocks, W) in x seen as a (B H N, d) table. Its backward adds each gradient row with one
         * vectorised add. Indexing ({@code x.get(":, :, {}", positions)}) was several times slower in backward: it
         * adds one element at a time, and each full slice of the index costs a zero-filled (B, H, N, d) gradient
         * and a copy.
         */
        NDArray select(NDArray x, NDArray rows) {
            Shape s = x.getShape();
            NDArray table = x.reshape(s.get(0) * s.get(1) * s.get(2), s.get(3));
            return table.getNDArrayInternal().embedding(rows, table, SparseFormat.DENSE).singletonOrThrow();
        }

        /**
         * Additive bias (B or 1, 1, blocks, b, W): 0 for a real key in the band, -1e6 for a padded key in the band
         * (exactly as the dense reference adds it) and about -1e9 outside the band or the sequence.
         */
        NDArray bias(AttentionInputs in, boolean causal) {
            NDManager manager = in.q().getManager();
            NDArray keyBias = manager.create(outside, new Shape(blocks, width));
            if (in.keyMask() != null) {
                NDArray padding = SoftmaxScores.paddingBias(in.keyMask())
                        .get(new NDIndex(":, {}", manager.create(clamped, new Shape(blocks, width))));
                keyBias = padding.add(keyBias).reshape(in.batch(), 1, blocks, 1, width);
            } else {
                keyBias = keyBias.reshape(1, 1, blocks, 1, width);
            }
            return keyBias.add(bandBias(manager, causal));
        }

        /** (b, W): slot t of the window holds the key at offset t - halo - r from query row r. */
        private NDArray bandBias(NDManager manager, boolean causal) {
            float[] bias = new float[b * width];
            for (int r = 0; r < b; r++) {
                for (int t = 0; t < width; t++) {
                    int offset = t - halo - r;
                    boolean inBand = causal ? offset <= 0 && offset >= -halo : Math.abs(offset) <= halo;
                    bias[r * width + t] = inBand ? 0f : SoftmaxScores.OUTSIDE;
                }
            }
            return manager.create(bias, new Shape(b, width));
        }
    }
}
