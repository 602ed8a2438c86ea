package org.fmmbench.baselines.attention;

/**
 * The size of one attention call whose cost a variant declares: q, k, v of shape (B, H, N, d) in float32.
 *
 * @param backward whether the call includes the backward pass to q, k and v (forward + backward) or not
 */
public record AttentionShape(long batch, long heads, long length, long headDim, boolean causal, boolean backward) {
    /** Bytes of one float32 element. */
    static final long ELEMENT_BYTES = 4;

    public AttentionShape {
        if (batch < 1 || heads < 1 || length < 1 || headDim < 1) {
            throw new IllegalArgumentException("batch, heads, length and headDim must be >= 1, got (" + batch + ", "
                    + heads + ", " + length + ", " + headDim + ")");
        }
    }

    /** B H: the number of independent sequences one head sees. */
    public long sequences() {
        return batch * heads;
    }

    /**
     * Query-key pairs inside a band of {@code band} keys per side (official {@code diag_size} k) over one sequence:
     * non-causal |i - j| &lt;= k - 1, causal i - k + 1 &lt;= j &lt;= i; rows near the ends see fewer keys.
     */
    public long bandPairs(long band) {
        long halo = Math.min(band, length) - 1;
        long lowerWithDiagonal = length * (halo + 1) - halo * (halo + 1) / 2;
        return causal ? lowerWithDiagonal : 2 * lowerWithDiagonal - length;
    }

    /** Query-key pairs of full attention over one sequence: N^2, causal N (N + 1) / 2. */
    public long allPairs() {
        return causal ? length * (length + 1) / 2 : length * length;
    }
}
