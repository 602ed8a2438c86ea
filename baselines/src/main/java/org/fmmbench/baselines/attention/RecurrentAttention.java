package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A causal attention whose output at a position depends on the earlier positions only through a state of fixed
 * size: the last k − 1 keys and values of a band, the (d, d) sum of v φ(k)ᵀ and the sum of φ(k) of a linear far
 * field. A stream can then be attended chunk by chunk, each position once, with the same result (up to float
 * rounding) as one causal pass over the whole stream. Softmax attention keeps every key, so it is not one.
 */
public interface RecurrentAttention {
    /**
     * Inference output for the next C positions of the stream, given their q, k, v of shape (B, H, C, d), any
     * C &gt;= 1; {@code state} holds what the earlier positions left (empty at the stream's start) and is advanced
     * past these positions. No dropout, no padding mask.
     */
    NDArray attendNext(ParameterStore store, NDArray q, NDArray k, NDArray v, AttentionState state);
}
