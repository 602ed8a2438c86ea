package org.fmmbench.baselines.attention;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** The low-rank (linear-attention) far field, one output per feature map; never builds an N x N array. */
interface FarField {
    /** One (B, H, N, d) output per map, unweighted; the caller mixes them. */
    List<NDArray> attend(AttentionInputs in, List<FeatureMap> maps);

    /** The form the official code uses: LRA form when non-causal, language-model form when causal. */
    static FarField of(AttentionSettings settings) {
        return settings.causal() ? new CausalFarField() : new ScaledFarField();
    }
}
