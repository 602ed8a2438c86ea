package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** The low-rank (linear-attention) far field; never builds an N x N array. */
interface FarField {
    /**
     * The weighted sum over feature maps of their far fields, (B, H, N, d).
     *
     * @param weights one weight per map, each a scalar array or {@code null} for 1
     * @param farWeight a factor of the whole far field broadcastable to (B, H, N, d) (a blend weight), or
     *     {@code null}; weights are applied where the arrays are smallest, e.g. to (d, d) states, instead of to
     *     (B, H, N, d) outputs
     */
    NDArray attend(AttentionInputs in, List<FeatureMap> maps, List<NDArray> weights, NDArray farWeight);

    /** The form the official code uses: LRA form when non-causal, language-model form when causal. */
    static FarField of(AttentionSettings settings) {
        return settings.causal() ? new CausalFarField() : new ScaledFarField();
    }
}
