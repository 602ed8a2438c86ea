package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/** Conventions shared by the softmax paths (full softmax and the near field), as in the official code. */
final class SoftmaxScores {
    /** Additive penalty of a padded key: the official code subtracts 1e6, not infinity. */
    static final float PADDING_PENALTY = 1e6f;
    /**
     * Bias of a key outside the band or outside the sequence. Finite, so that a query row with no key at all
     * (only in the block padding) gives a uniform softmax instead of NaN in backward; exp(-1e9 - max) is exactly
     * 0 in float32 whenever the row has a real key, just as -inf would give.
     */
    static final float OUTSIDE = -1e9f;

    private SoftmaxScores() {}

    /**
     * Scales raw q.k scores by 1/sqrt(d): the LRA code divides by sqrt(d), the language-model code multiplies
     * by 1/sqrt(d); both are kept so results match the respective reference to the last bit.
     */
    static NDArray scale(NDArray scores, long headDim, boolean causal) {
        return causal
                ? Scalars.times(scores, (float) (1 / Math.sqrt(headDim)))
                : Scalars.over(scores, (float) Math.sqrt(headDim));
    }

    /**
     * {@link #scale} done in place, for scores that nothing else reads (a matMul result: its backward needs only
     * its inputs). Saves one scores-sized array.
     */
    static NDArray scaleInPlace(NDArray scores, long headDim, boolean causal) {
        return causal
                ? scores.muli(Scalars.constant(scores, (float) (1 / Math.sqrt(headDim))))
                : scores.divi(Scalars.constant(scores, (float) Math.sqrt(headDim)));
    }

    /** -1e6 where the key mask (any shape) is 0, exactly 0 where it is 1. */
    static NDArray paddingBias(NDArray keyMask) {
        return keyMask.sub(1f).mul(PADDING_PENALTY);
    }

    /** Attention dropout on probabilities, active only while training. */
    static NDArray dropout(NDArray probabilities, float rate, boolean training) {
        if (!training || rate == 0f) {
            return probabilities;
        }
        return Dropout.dropout(probabilities, rate, true).singletonOrThrow();
    }
}
