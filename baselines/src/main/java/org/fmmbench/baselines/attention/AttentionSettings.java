package org.fmmbench.baselines.attention;

/**
 * What the hosting model fixes for an attention block: head layout, causality and attention dropout.
 *
 * <p>Causality also selects the far-field form, as in the official code: non-causal blocks use the
 * LRA form (unnormalised, scaled by N^-1/2, padded keys and values zeroed), causal blocks the
 * language-model form (sum-normalised features, causal denominator, times 1/sqrt(d)).
 *
 * @param heads number of heads H
 * @param headDim per-head width d
 * @param causal whether position i may only attend to positions j &lt;= i
 * @param attentionDropout dropout on softmax probabilities while training (the LRA models use 0.1)
 */
public record AttentionSettings(int heads, int headDim, boolean causal, float attentionDropout) {
    public AttentionSettings {
        if (heads < 1 || headDim < 1) {
            throw new IllegalArgumentException("heads and headDim must be >= 1, got " + heads + " and " + headDim);
        }
        if (attentionDropout < 0 || attentionDropout >= 1) {
            throw new IllegalArgumentException("attentionDropout must be in [0, 1), got " + attentionDropout);
        }
    }

    public static AttentionSettings nonCausal(int heads, int headDim) {
        return new AttentionSettings(heads, headDim, false, 0f);
    }

    public static AttentionSettings causal(int heads, int headDim) {
        return new AttentionSettings(heads, headDim, true, 0f);
    }

    public AttentionSettings withDropout(float p) {
        return new AttentionSettings(heads, headDim, causal, p);
    }
}
